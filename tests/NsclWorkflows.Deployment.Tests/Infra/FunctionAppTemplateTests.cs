using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>The Function App as the template deploys it: Flex Consumption, .NET isolated, secrets and sign-in without keys.</summary>
public sealed partial class FunctionAppTemplateTests
{
    [Fact]
    public async Task FunctionApp_Plan_IsFlexConsumptionRunningDotnetIsolated10()
    {
        var template = await CompiledTemplate.TemplateAsync();

        var plan = Assert.Single(template.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FlexConsumption", plan.Body["sku"]!["tier"]!.GetValue<string>());
        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        var runtime = site.Properties["functionAppConfig"]!["runtime"]!;
        Assert.Equal("'dotnet-isolated'", site.Resolve(runtime["name"]!.GetValue<string>()).Trim('[', ']'));
        Assert.Equal("'10.0'", site.Resolve(runtime["version"]!.GetValue<string>()).Trim('[', ']'));
    }

    [Fact]
    public async Task FunctionApp_DeploymentPackage_IsReadWithTheUserAssignedIdentity()
    {
        var template = await CompiledTemplate.TemplateAsync();

        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        var authentication = site.Properties["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("UserAssignedIdentity", authentication["type"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", authentication["userAssignedIdentityResourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("userAssignedIdentities", site.Properties["keyVaultReferenceIdentity"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_Storage_IsAnIdentityBasedConnectionWithoutKeys()
    {
        var settings = await BicepAppSettings.ReadAsync();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("clientId", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"primaryEndpoints.{service}", settings[$"AzureWebJobsStorage__{service}ServiceUri"], StringComparison.Ordinal);
        }

        Assert.DoesNotContain(settings.Values, v => v.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AppSettings_OnFlexConsumption_LeaveTheRuntimeToFunctionAppConfig()
    {
        var settings = await BicepAppSettings.ReadAsync();

        // Flex Consumption rejects these app settings: the runtime is functionAppConfig.runtime.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", settings.Keys);
    }

    [Theory]
    [InlineData("Nscl__AccessLinks__SigningKey", "accessLinkSigningKeySecretUri")]
    [InlineData("Nscl__Email__SendGridApiKey", "sendGridApiKeySecretUri")]
    public async Task AppSettings_Secrets_AreKeyVaultReferencesToTheVaultsSecrets(string setting, string secretUriOutput)
    {
        var template = await CompiledTemplate.TemplateAsync();
        var settings = await BicepAppSettings.ReadAsync();

        var value = settings[setting];
        Assert.Contains("@Microsoft.KeyVault(SecretUri={0})", value, StringComparison.Ordinal);
        var parameter = ParameterReference().Match(value).Groups["name"].Value;
        var api = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "api");
        var passed = api.Properties["parameters"]![parameter]!["value"]!.GetValue<string>();
        Assert.Contains("'keyvault'", passed, StringComparison.Ordinal);
        Assert.Contains($"outputs.{secretUriOutput}", passed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authentication_EntraId_AllowsAnonymousRequestsAndUsesNoClientSecret()
    {
        var template = await CompiledTemplate.TemplateAsync();
        var settings = await BicepAppSettings.ReadAsync();

        var auth = template.OfType("Microsoft.Web/sites/config").Single(c => c.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
        var validation = auth.Properties["globalValidation"]!;
        Assert.False(validation["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("AllowAnonymous", validation["unauthenticatedClientAction"]!.GetValue<string>());
        var entra = auth.Properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True(entra["enabled"]!.GetValue<bool>());
        // The secret setting names the managed identity used as a federated credential, and that setting exists.
        var secretSetting = auth.Resolve(entra["registration"]!["clientSecretSettingName"]!.GetValue<string>()).Trim('[', ']').Trim('\'');
        Assert.Equal("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", secretSetting);
        Assert.Contains(secretSetting, settings.Keys);
    }

    [Fact]
    public async Task Outputs_Names_AreUpperSnakeCaseAndIncludeTheFunctionApp()
    {
        var template = await CompiledTemplate.TemplateAsync();

        var names = template.Outputs.Select(o => o.Key).ToList();
        Assert.All(names, name => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", name));
        Assert.Contains("AZURE_FUNCTION_APP_NAME", names);
        Assert.Contains("AZURE_RESOURCE_GROUP", names);
        Assert.Contains("AZURE_KEY_VAULT_NAME", names);
    }

    [GeneratedRegex(@"parameters\('(?<name>[^']+)'\)")]
    private static partial Regex ParameterReference();
}
