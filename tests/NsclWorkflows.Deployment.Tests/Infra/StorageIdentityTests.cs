using System.Text.Json.Nodes;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>
/// Storage is reached only through Entra ID: shared keys are off, and the app's user-assigned identity holds the three
/// data roles Durable Functions and the app's own tables need. Read from the compiled ARM template.
/// </summary>
public sealed class StorageIdentityTests
{
    const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public async Task StorageAccount_SharedKeyAccess_IsOff()
    {
        var template = await CompiledTemplate.TemplateAsync();

        var storage = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts"));
        Assert.False(storage.Properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(storage.Properties["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task StorageDataRoles_OfTheAppIdentity_AreBlobOwnerQueueContributorAndTableContributor()
    {
        var template = await CompiledTemplate.TemplateAsync();

        var roles = AssignmentsToTheAppIdentity(template, scopeType: "Microsoft.Storage/storageAccounts");

        Assert.Equal(new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }.Order(), roles.Order());
    }

    [Fact]
    public async Task KeyVaultRole_OfTheAppIdentity_IsSecretsUser()
    {
        var template = await CompiledTemplate.TemplateAsync();

        Assert.Equal([KeyVaultSecretsUser], AssignmentsToTheAppIdentity(template, scopeType: "Microsoft.KeyVault/vaults"));
    }

    [Fact]
    public async Task ApplicationInsights_WithLocalAuthOff_TheAppIdentityPublishesMetrics()
    {
        var template = await CompiledTemplate.TemplateAsync();

        var insights = Assert.Single(template.OfType("Microsoft.Insights/components"));
        Assert.True(insights.Properties["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Equal([MonitoringMetricsPublisher], AssignmentsToTheAppIdentity(template, scopeType: "Microsoft.Insights/components"));
    }

    [Fact]
    public async Task FunctionApp_RunsAs_TheSameUserAssignedIdentity()
    {
        var template = await CompiledTemplate.TemplateAsync();

        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Equal("UserAssigned", site.Body["identity"]!["type"]!.GetValue<string>());
        var identityName = ModuleParameter(template, site.Module!, "identityName");
        Assert.Equal(AppIdentityName(template), identityName);
    }

    /// <summary>Role definition ids assigned, at a resource of <paramref name="scopeType"/>, to the app's identity.</summary>
    static List<string> AssignmentsToTheAppIdentity(ArmTemplate template, string scopeType)
    {
        var appIdentity = AppIdentityName(template);
        var roles = new List<string>();
        foreach (var assignment in template.OfType("Microsoft.Authorization/roleAssignments"))
        {
            var scope = assignment.Body["scope"]?.ToString() ?? string.Empty;
            var principal = assignment.Properties["principalId"]!.ToString();
            // The module reads the identity as an existing resource named by its identityName parameter.
            var isAppIdentity = principal.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal)
                && principal.Contains("parameters('identityName')", StringComparison.Ordinal)
                && ModuleParameter(template, assignment.Module!, "identityName") == appIdentity;
            if (isAppIdentity && scope.Contains($"'{scopeType}'", StringComparison.Ordinal))
            {
                Assert.Equal("ServicePrincipal", assignment.Properties["principalType"]?.GetValue<string>());
                roles.Add(RoleId(assignment));
            }
        }

        return roles;
    }

    static string RoleId(ArmResource assignment)
    {
        var expression = assignment.Resolve(assignment.Properties["roleDefinitionId"]!.GetValue<string>());
        var match = System.Text.RegularExpressions.Regex.Match(expression, "'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'");
        Assert.True(match.Success, "No role definition id in " + expression);
        return match.Groups[1].Value;
    }

    /// <summary>The expression main.bicep passes as the identity's name to the identity module.</summary>
    static string AppIdentityName(ArmTemplate template) => ModuleParameter(template, "identity", "name");

    static string ModuleParameter(ArmTemplate template, string module, string parameter)
    {
        var deployment = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == module);
        return deployment.Properties["parameters"]![parameter]!["value"]!.ToString();
    }
}
