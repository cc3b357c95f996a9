using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace NsclWorkflows.Api.Officers;

/// <summary>
/// Finds the officer behind a request, or null for an anonymous (enterprise) request. Only the sources
/// <see cref="OfficerAccess"/> trusts on this host now are read. A write whose officer credentials fail
/// <see cref="Http.CsrfGuard"/> is anonymous.
/// </summary>
public sealed class OfficerAuthenticator(OfficerAccess access)
{
    /// <summary>For unit tests: the standalone host in <paramref name="options"/>' mode, nothing in front of it.</summary>
    public OfficerAuthenticator(IOptions<OfficerAuthOptions> options)
        : this(new OfficerAccess(options, new ConfigurationBuilder().Build(), OfficerHost.Standalone))
    {
    }

    public const string AppServicePrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string DevelopmentHeader = "X-Nscl-Dev-Officer";

    const string RoleClaim = "roles";
    const string NameClaim = "name";
    const string UnitClaim = "unit";
    const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    const string ObjectIdClaimShort = "oid";
    const string SubjectClaim = "sub";
    const string NameIdentifierClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";

    public Officer? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Http.CsrfGuard.Passes(request))
        {
            return null;
        }

        var state = access.Current();
        if (state.TrustsDevelopmentHeader && request.Headers.TryGetValue(DevelopmentHeader, out var dev))
        {
            return ParseDevelopment(dev.ToString());
        }

        if (state.TrustsPrincipalHeader && request.Headers.TryGetValue(AppServicePrincipalHeader, out var principal))
        {
            return ParseAppService(principal.ToString());
        }

        return state.TrustsSignInCookie ? FromSignIn(request.HttpContext.User) : null;
    }

    /// <summary>The officer of the standalone host's sign-in cookie: claims the sign-in normalised to <see cref="OfficerClaims"/>.</summary>
    static Officer? FromSignIn(ClaimsPrincipal? user)
    {
        var identity = user?.Identities.FirstOrDefault(i => i.IsAuthenticated
            && string.Equals(i.AuthenticationType, OfficerClaims.AuthenticationType, StringComparison.Ordinal));
        var id = identity?.FindFirst(OfficerClaims.Id)?.Value;
        if (identity is null || string.IsNullOrEmpty(id))
        {
            return null;
        }

        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { OfficerRoles.Officer };
        roles.UnionWith(identity.FindAll(OfficerClaims.Role).Select(c => c.Value));
        var name = identity.FindFirst(OfficerClaims.Name)?.Value is { Length: > 0 } n ? n : id;
        return new Officer(id, name, roles, identity.FindFirst(OfficerClaims.Unit)?.Value ?? string.Empty);
    }

    static Officer? ParseDevelopment(string value)
    {
        var parts = value.Split(';', 3, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            return null;
        }

        // Header values are ASCII (browsers refuse others; the Functions host's proxy answers 500): the name travels
        // percent-encoded ("L%C3%AA%20V%C4%83n%20C%C3%A1n"); a plain ASCII name reads as itself.
        var name = Uri.UnescapeDataString(parts[0]);
        if (!Domain.Text.TextSafety.IsSafe(name))
        {
            return null;
        }

        var roles = parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        // Development only: the name is the identity; the unit defaults to the Department's.
        var unit = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : Domain.Lifecycle.Units.ScienceAndTechnology;
        return new Officer(name, name, new HashSet<string>(roles.Append(OfficerRoles.Officer), StringComparer.OrdinalIgnoreCase), unit);
    }

    static Officer? ParseAppService(string base64)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            var root = json.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() ?? RoleClaim : RoleClaim;
            var nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() ?? NameClaim : NameClaim;
            string? name = null;
            string? unit = null;
            string? id = null;
            var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { OfficerRoles.Officer };
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                var value = claim.GetProperty("val").GetString();
                if (value is null)
                {
                    continue;
                }

                if (type is ObjectIdClaim or ObjectIdClaimShort)
                {
                    id = value;
                }
                else if (type is SubjectClaim or NameIdentifierClaim)
                {
                    id ??= value;
                }
                else if (type == UnitClaim)
                {
                    unit = value;
                }
                else if (type == roleType || type == RoleClaim)
                {
                    roles.Add(value);
                }
                else if (type == nameType || (name is null && type is "preferred_username" or NameClaim))
                {
                    name = value;
                }
            }

            // No stable id, no officer: a display name is not an identity. No unit claim, no unit.
            return name is null || id is null ? null : new Officer(id, name, roles, unit ?? string.Empty);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
