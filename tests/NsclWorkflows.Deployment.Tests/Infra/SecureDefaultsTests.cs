using System.Text.Json.Nodes;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>
/// What `azd up` deploys with main.bicep's defaults is closed: a purge-protected Key Vault, storage and vault with no
/// public network access (reached through private endpoints in the app's virtual network), TLS 1.2 and no shared keys.
/// The compiled template is evaluated for a set of parameters (<see cref="ArmDeployment"/>), so a default or a
/// condition that opens something fails here.
/// </summary>
public sealed class SecureDefaultsTests
{
    [Fact]
    public async Task KeyVault_ByDefault_IsPurgeProtectedWithNinetyDaysOfSoftDelete()
    {
        var vault = Assert.Single((await DeployAsync()).OfType("Microsoft.KeyVault/vaults")).Properties;

        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.Equal(90, vault["softDeleteRetentionInDays"]!.GetValue<long>());
        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());
    }

    [Fact]
    public async Task KeyVault_WithNetworkIsolationOff_StaysPurgeProtected()
    {
        var vault = Assert.Single((await DeployAsync(("networkIsolation", false))).OfType("Microsoft.KeyVault/vaults")).Properties;

        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts")]
    [InlineData("Microsoft.KeyVault/vaults")]
    public async Task PublicNetworkAccess_ByDefault_IsDisabledAndDenied(string type)
    {
        var properties = Assert.Single((await DeployAsync()).OfType(type)).Properties;

        Assert.Equal("Disabled", properties["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal("Deny", properties["networkAcls"]!["defaultAction"]!.GetValue<string>());
        Assert.Equal("None", properties["networkAcls"]!["bypass"]!.GetValue<string>());
    }

    [Fact]
    public async Task StorageAccount_ByDefault_TakesOnlyEntraIdOverTls12()
    {
        var storage = Assert.Single((await DeployAsync()).OfType("Microsoft.Storage/storageAccounts")).Properties;

        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(storage["defaultToOAuthAuthentication"]!.GetValue<bool>());
        Assert.True(storage["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage["minimumTlsVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task NetworkIsolation_ByDefault_PutsBlobQueueTableAndVaultBehindPrivateEndpoints()
    {
        var deployment = await DeployAsync();

        var network = deployment.ModuleNamed("network");
        Assert.NotNull(network);
        var endpoints = Assert.IsType<JsonArray>(network.Variable("endpoints"));
        Assert.Equal(["blob", "queue", "table", "vault"], endpoints.Select(e => e!["groupId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(4, endpoints.Select(e => e!["zone"]!.ToString()).Distinct().Count());
        foreach (var type in new[] { "Microsoft.Network/privateEndpoints", "Microsoft.Network/privateDnsZones", "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups" })
        {
            // One of each per endpoint (a copy loop over the list).
            var resource = Assert.Single(network.OfType(type));
            Assert.Equal(endpoints.Count, resource.Body["copy"]!["count"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task NetworkIsolation_ByDefault_IntegratesTheAppWithADelegatedSubnet()
    {
        var deployment = await DeployAsync();

        var vnet = Assert.Single(deployment.OfType("Microsoft.Network/virtualNetworks"));
        var delegations = vnet.Properties["subnets"]!.AsArray().SelectMany(s => s!["properties"]!["delegations"]?.AsArray() ?? []);
        Assert.Equal("Microsoft.App/environments", Assert.Single(delegations)!["properties"]!["serviceName"]!.GetValue<string>());
        var site = Assert.Single(deployment.OfType("Microsoft.Web/sites"));
        Assert.Contains("outputs.appSubnetId", site.Properties["virtualNetworkSubnetId"]!.GetValue<string>(), StringComparison.Ordinal);
        // Key Vault references on Linux reach a private endpoint only with all traffic routed into the network.
        Assert.True(site.Properties["siteConfig"]!["vnetRouteAllEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task NetworkIsolation_ByDefault_EverySubnetHasTheSecurityGroup()
    {
        var deployment = await SecureDefaultsTests.DeployAsync();

        var nsg = Assert.Single(deployment.OfType("Microsoft.Network/networkSecurityGroups"));
        Assert.Empty(nsg.Properties["securityRules"]!.AsArray());
        var subnets = Assert.Single(deployment.OfType("Microsoft.Network/virtualNetworks")).Properties["subnets"]!.AsArray();
        Assert.Equal(2, subnets.Count);
        Assert.All(subnets, subnet => Assert.Contains("Microsoft.Network/networkSecurityGroups", subnet!["properties"]!["networkSecurityGroup"]!["id"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NetworkIsolation_Off_OpensStorageAndVaultAndDeploysNoNetwork()
    {
        var deployment = await DeployAsync(("networkIsolation", false));

        foreach (var type in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults" })
        {
            var properties = Assert.Single(deployment.OfType(type)).Properties;
            Assert.Equal("Enabled", properties["publicNetworkAccess"]!.GetValue<string>());
            Assert.Equal("Allow", properties["networkAcls"]!["defaultAction"]!.GetValue<string>());
        }

        Assert.Empty(deployment.OfType("Microsoft.Network/virtualNetworks"));
        Assert.Empty(deployment.OfType("Microsoft.Network/privateEndpoints"));
        var site = Assert.Single(deployment.OfType("Microsoft.Web/sites")).Properties;
        Assert.Null(site["virtualNetworkSubnetId"]);
        Assert.False(site["siteConfig"]!["vnetRouteAllEnabled"]!.GetValue<bool>());
        // Shared keys stay off either way.
        Assert.False(Assert.Single(deployment.OfType("Microsoft.Storage/storageAccounts")).Properties["allowSharedKeyAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task FunctionApp_ByDefault_IsHttpsOnlyWithTls12AndNoPublishingPasswords()
    {
        var deployment = await DeployAsync();

        var site = Assert.Single(deployment.OfType("Microsoft.Web/sites")).Properties;
        Assert.True(site["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", site["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("1.2", site["siteConfig"]!["scmMinTlsVersion"]!.GetValue<string>());
        // Flex Consumption refuses ftpsState (ARM error 51021): it has no FTP endpoint to turn off.
        Assert.Null(site["siteConfig"]!["ftpsState"]);
        var basicAuth = Assert.Single(deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"));
        Assert.Contains("'scm'", basicAuth.Name, StringComparison.Ordinal);
        Assert.False(basicAuth.Properties["allow"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("networkIsolation", "NSCL_NETWORK_ISOLATION")]
    [InlineData("frontDoor", "NSCL_FRONT_DOOR")]
    [InlineData("frontDoorSku", "NSCL_FRONT_DOOR_SKU")]
    [InlineData("keyVaultSoftDeleteRetentionInDays", "NSCL_KEY_VAULT_RETENTION_DAYS")]
    public async Task ParametersFile_Switch_DefaultsToTheTemplatesDefault(string parameter, string environmentValue)
    {
        var template = await CompiledTemplate.TemplateAsync();
        var file = JsonNode.Parse(File.ReadAllText(Repository.PathOf("infra", "main.parameters.json")))!;

        // azd substitutes ${NAME=default}: an environment without the value deploys the template's own default.
        var mapping = file["parameters"]![parameter]!["value"]!.GetValue<string>();
        var templateDefault = template.Root["parameters"]![parameter]!["defaultValue"]!.ToJsonString().Trim('"');
        Assert.Equal($"${{{environmentValue}={templateDefault}}}", mapping);
    }

    /// <summary>main.bicep deployed with the values azd always supplies, these parameters, and defaults for the rest.</summary>
    internal static async Task<ArmDeployment> DeployAsync(params (string Name, JsonNode? Value)[] parameters)
    {
        var values = new Dictionary<string, JsonNode?>
        {
            ["environmentName"] = "nscl-test",
            ["location"] = "southeastasia",
            ["accessLinkSigningKey"] = new string('k', 64),
        };
        foreach (var (name, value) in parameters)
        {
            values[name] = value;
        }

        return ArmDeployment.Of(await CompiledTemplate.TemplateAsync(), values);
    }
}
