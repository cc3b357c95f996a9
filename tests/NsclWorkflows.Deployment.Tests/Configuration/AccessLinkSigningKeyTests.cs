using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Deployment.Tests.Configuration;

/// <summary>
/// In Azure the signing key is a Key Vault reference. If App Service cannot resolve it, the app receives the reference
/// text, which is long enough to pass as a key: start-up must refuse it instead of signing links with it.
/// </summary>
public sealed class AccessLinkSigningKeyTests
{
    const string UnresolvedReference = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/AccessLinkSigningKey/)";

    [Fact]
    public async Task StartUp_UnresolvedKeyVaultReference_IsRefusedWithAClearMessage()
    {
        using var host = TestHost.Build(Settings(UnresolvedReference));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = Assert.Single(error.Failures);
        Assert.Contains("Nscl:AccessLinks:SigningKey", message, StringComparison.Ordinal);
        Assert.Contains("unresolved Key Vault reference", message, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_ResolvedKey_Starts()
    {
        using var host = TestHost.Build(Settings(TestHost.SigningKey));

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task StartUp_ShortKey_IsStillRefusedForItsLength()
    {
        using var host = TestHost.Build(Settings("too-short"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("at least 32 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(UnresolvedReference, true)]
    [InlineData("  @microsoft.keyvault(VaultName=kv;SecretName=x)", true)]
    [InlineData("a-real-key-that-mentions-@Microsoft.KeyVault(-later", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsUnresolved_Value_RecognisesReferenceLiterals(string? value, bool expected)
    {
        Assert.Equal(expected, KeyVaultReference.IsUnresolved(value));
    }

    static Dictionary<string, string?> Settings(string signingKey) => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Nscl:AccessLinks:SigningKey"] = signingKey,
    };
}
