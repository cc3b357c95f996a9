namespace NsclWorkflows.Api.Officers;

/// <summary>Settings section <c>Nscl:Auth</c>.</summary>
public sealed class OfficerAuthOptions
{
    public const string Section = "Nscl:Auth";

    /// <summary>
    /// <c>AppService</c> (default): trust the principal App Service Authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c>
    /// (the platform strips that header from outside requests). <c>Development</c>: also accept
    /// <c>X-Nscl-Dev-Officer: name; Role1,Role2</c>; the standalone host refuses this mode outside Development.
    /// </summary>
    public string Mode { get; set; } = "AppService";

    public bool IsDevelopment => string.Equals(Mode, "Development", StringComparison.OrdinalIgnoreCase);
}
