using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>
/// App Service Authentication as deployed: absent until AZURE_AUTH_CLIENT_ID is set (the app then refuses officers,
/// since the platform does not set WEBSITE_AUTH_ENABLED), on once it is, letting anonymous requests through to the
/// enterprise endpoints.
/// </summary>
public sealed class AuthenticationTemplateTests
{
    const string ClientId = "00000000-0000-0000-0000-000000000001";

    [Fact]
    public async Task Authentication_WithoutClientId_IsNotDeployed()
    {
        var deployment = await SecureDefaultsTests.DeployAsync();

        Assert.DoesNotContain(deployment.OfType("Microsoft.Web/sites/config"), c => c.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authentication_WithClientId_IsOnAndLetsAnonymousRequestsThrough()
    {
        var deployment = await SecureDefaultsTests.DeployAsync(("authClientId", ClientId));

        var auth = deployment.OfType("Microsoft.Web/sites/config").Single(c => c.Name.Contains("'authsettingsV2'", StringComparison.Ordinal)).Properties;
        Assert.True(auth["platform"]!["enabled"]!.GetValue<bool>());
        Assert.False(auth["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("AllowAnonymous", auth["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.True(auth["httpSettings"]!["requireHttps"]!.GetValue<bool>());
        Assert.Equal("NoProxy", auth["httpSettings"]!["forwardProxy"]!["convention"]!.GetValue<string>());
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.Equal(ClientId, entra["registration"]!["clientId"]!.GetValue<string>());
        Assert.Equal([$"api://{ClientId}"], entra["validation"]!["allowedAudiences"]!.AsArray().Select(a => a!.GetValue<string>()));
        // The sign-in page sends officers back to the web pages on the Static Web App's origin.
        Assert.Single(auth["login"]!["allowedExternalRedirectUrls"]!.AsArray());
    }
}
