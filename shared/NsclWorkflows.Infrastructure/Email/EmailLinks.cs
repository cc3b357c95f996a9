namespace NsclWorkflows.Infrastructure.Email;

/// <summary>
/// The links e-mails carry, as paths under <see cref="EmailOptions.PublicBaseUrl"/>. They follow the API's routes
/// (NsclWorkflows.Api.ApiRoutes, which this project cannot reference); change both together.
/// </summary>
public static class EmailLinks
{
    /// <summary>The enterprise's status link: the secret access token in it is what lets them in, so only their e-mails carry it.</summary>
    public static string EnterpriseStatus(string applicationId, string accessToken) =>
        $"/api/applications/{Uri.EscapeDataString(applicationId)}?access={Uri.EscapeDataString(accessToken)}";

    /// <summary>The officers' view of the application (they sign in; no token).</summary>
    public static string OfficerView(string applicationId) => $"/api/applications/{Uri.EscapeDataString(applicationId)}";
}
