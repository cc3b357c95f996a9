namespace NsclWorkflows.Api.Officers;

/// <summary>
/// The claims of an officer's session on the standalone host (Oidc mode). The sign-in maps the identity provider's
/// configured claims (Nscl:Auth:Oidc:*ClaimType) onto these, so the session holds nothing else.
/// </summary>
public static class OfficerClaims
{
    public const string AuthenticationType = "NsclOfficer";
    public const string Id = "nscl:id";
    public const string Name = "nscl:name";
    public const string Role = "nscl:role";
    public const string Unit = "nscl:unit";
}
