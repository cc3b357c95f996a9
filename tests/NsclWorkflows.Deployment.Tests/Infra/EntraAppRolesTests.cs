using System.Text.Json;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>infra/entra/app-roles.json (the app registration's roles, see README) holds exactly the roles the code checks.</summary>
public sealed class EntraAppRolesTests
{
    [Fact]
    public void AppRoles_Values_AreTheOfficerRolesTheCodeChecks()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("infra", "entra", "app-roles.json")));

        var values = roles.RootElement.EnumerateArray().Select(r => r.GetProperty("value").GetString()).Order(StringComparer.Ordinal);

        // Officer is not an app role: every signed-in user of the (assignment-required) registration is an officer.
        Assert.Equal(new[] { OfficerRoles.Accountant, OfficerRoles.Admin, OfficerRoles.Appraiser, OfficerRoles.Leader }.Order(StringComparer.Ordinal), values);
    }

    [Fact]
    public void AppRoles_Ids_AreDistinctGuids()
    {
        using var roles = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("infra", "entra", "app-roles.json")));

        var ids = roles.RootElement.EnumerateArray().Select(r => Guid.Parse(r.GetProperty("id").GetString()!)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
