namespace NsclWorkflows.Api.Officers;

/// <summary>An authenticated officer of the Department, with the roles the identity provider gave them.</summary>
public sealed record Officer(string Name, IReadOnlySet<string> Roles, string Unit = Domain.Lifecycle.Units.ScienceAndTechnology)
{
    public bool IsIn(string role) => Roles.Contains(role) || Roles.Contains(OfficerRoles.Admin);

    public bool IsAdmin => Roles.Contains(OfficerRoles.Admin);

    /// <summary>Officers see and act on their own unit's applications; admins on all.</summary>
    public bool Covers(string unit) => IsAdmin || string.Equals(Unit, unit, StringComparison.Ordinal) || unit.Length == 0;

    /// <summary>The role an action is recorded under: the most specific one the officer holds for it.</summary>
    public string RoleFor(string required) => Roles.Contains(required) ? required : IsAdmin ? OfficerRoles.Admin : required;
}

/// <summary>Role names, as configured in the identity provider (Entra ID app roles in Azure).</summary>
public static class OfficerRoles
{
    public const string Officer = "Officer";
    public const string Appraiser = "Appraiser";
    public const string Leader = "Leader";
    public const string Admin = "Admin";

    /// <summary>The role an officer needs to take an action of <paramref name="actor"/> (not for the enterprise's actions).</summary>
    public static string For(Domain.Lifecycle.Actor actor) => actor switch
    {
        Domain.Lifecycle.Actor.Appraiser => Appraiser,
        Domain.Lifecycle.Actor.Leader => Leader,
        _ => Officer,
    };
}
