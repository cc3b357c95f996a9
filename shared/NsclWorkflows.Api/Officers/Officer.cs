namespace NsclWorkflows.Api.Officers;

/// <summary>An authenticated officer of the Department, with the roles the identity provider gave them.</summary>
public sealed record Officer(string Name, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role) || Roles.Contains(OfficerRoles.Admin);
}

/// <summary>Role names, as configured in the identity provider (Entra ID app roles in Azure).</summary>
public static class OfficerRoles
{
    public const string Officer = "Officer";
    public const string Appraiser = "Appraiser";
    public const string Leader = "Leader";
    public const string Admin = "Admin";
}
