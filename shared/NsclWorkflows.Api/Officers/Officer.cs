namespace NsclWorkflows.Api.Officers;

/// <summary>
/// An authenticated officer of the Department, with the roles the identity provider gave them. <see cref="Id"/> is the
/// identity provider's stable subject (object id); <see cref="Name"/> is for showing only and may be shared by two
/// people. An empty <see cref="Unit"/> means the identity carried no unit: no unit-scoped data.
/// </summary>
public sealed record Officer(string Id, string Name, IReadOnlySet<string> Roles, string Unit)
{
    public bool IsIn(string role) => Roles.Contains(role) || Roles.Contains(OfficerRoles.Admin);

    public bool IsAdmin => Roles.Contains(OfficerRoles.Admin);

    /// <summary>Officers see and act on their own unit's applications; admins on all.</summary>
    public bool Covers(string unit) => IsAdmin || (Unit.Length > 0 && string.Equals(Unit, unit, StringComparison.Ordinal));

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

    /// <summary>The unit's accountant (kế toán): records payments of payable tranches.</summary>
    public const string Accountant = "Accountant";

    /// <summary>The role an officer needs to take an action of <paramref name="actor"/> (not for the enterprise's actions).</summary>
    public static string For(Domain.Lifecycle.Actor actor) => actor switch
    {
        Domain.Lifecycle.Actor.Appraiser => Appraiser,
        Domain.Lifecycle.Actor.Leader => Leader,
        Domain.Lifecycle.Actor.Accountant => Accountant,
        _ => Officer,
    };
}
