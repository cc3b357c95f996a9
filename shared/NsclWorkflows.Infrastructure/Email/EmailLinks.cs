namespace NsclWorkflows.Infrastructure.Email;

/// <summary>
/// The links e-mails carry, as paths under <see cref="EmailOptions.PublicBaseUrl"/> (where the web pages are): people
/// open pages, not the JSON API. They follow the pages' addresses (web/); change both together. The API's answers
/// (a submission, a link rotation) give the enterprise's page the same way (<c>statusPage</c>).
/// </summary>
public static class EmailLinks
{
    /// <summary>
    /// The enterprise's status page. The secret access token is in the fragment (after <c>#</c>), which browsers never
    /// send to a server, so it stays out of every access log and proxy; only the enterprise's e-mails carry it. Pass the
    /// token of the application's current generation (<c>AccessTokens.Current</c>), read when the link is sent.
    /// </summary>
    public static string EnterpriseStatus(string applicationId, string accessToken) =>
        $"/trang-thai.html#id={Uri.EscapeDataString(applicationId)}&access={Uri.EscapeDataString(accessToken)}";

    /// <summary>The officers' page of the application (they sign in; no token).</summary>
    public static string OfficerView(string applicationId) => $"/can-bo/ho-so.html?id={Uri.EscapeDataString(applicationId)}";
}
