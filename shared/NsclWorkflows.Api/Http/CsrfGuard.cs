using Microsoft.AspNetCore.Http;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Cross-site request forgery defence for officers' state-changing requests. Officers are signed in by a cookie (App
/// Service Authentication's in Azure, the standalone host's <c>nscl-officer</c> in Oidc mode), which a browser attaches
/// to any request to the API, including one a hostile page makes (SameSite=Lax stops cross-site POSTs from other
/// sites only; a sibling subdomain is the same site). So a write (any method but GET, HEAD, OPTIONS) carrying officer credentials counts only when
/// <list type="bullet">
/// <item>it has the header <c>X-Requested-With: nscl</c>: a page on another origin cannot add a custom header without
/// a CORS preflight the API's CORS configuration must approve, and an HTML form cannot add one at all; and</item>
/// <item>the browser does not say it is cross-site (<c>Sec-Fetch-Site: cross-site</c>): pages and API are deployed on
/// one site (same registrable domain), as cookie sign-in needs anyway now that browsers block third-party cookies.</item>
/// </list>
/// <see cref="Officers.OfficerAuthenticator"/> applies it, so every handler of both hosts is covered: credentials that
/// fail it are ignored and the request is handled as an anonymous one (404/403/401, as for a stranger).
/// </summary>
public static class CsrfGuard
{
    public const string HeaderName = "X-Requested-With";
    public const string HeaderValue = "nscl";
    const string FetchSiteHeader = "Sec-Fetch-Site";

    public static bool Passes(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return true;
        }

        return string.Equals(request.Headers[HeaderName].ToString(), HeaderValue, StringComparison.Ordinal)
            && !string.Equals(request.Headers[FetchSiteHeader].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase);
    }
}
