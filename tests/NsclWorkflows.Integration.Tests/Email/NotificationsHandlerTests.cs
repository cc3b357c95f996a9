using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Notifications;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Email;

/// <summary>The officers' view of an application's e-mails: a refused e-mail shows with the provider's reason.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NotificationsHandlerTests(AzuriteFixture azurite) : CapturedEmailTests(azurite, "emailhandler")
{

    GetNotificationsHandler Handler() => new(
        Services.GetRequiredService<INotificationLog>(),
        Services.GetRequiredService<IApplicationRepository>(),
        new OfficerAuthenticator(Options.Create(new OfficerAuthOptions { Mode = "Development" })));

    [Fact]
    public async Task Handle_Officer_SeesSentAndRefusedEmailsWithTheReason()
    {
        var application = await EmailTestServices.StoreApplicationAsync(Services);
        var notifications = Services.GetRequiredService<INotificationService>();
        await notifications.SendAsync(Request(application, NotificationEvent.Receipt, new() { [NotificationFacts.DueDate] = "2026-03-09" }), CancellationToken.None);
        await Capture.PlanFaultAsync(400, count: 1);
        await notifications.SendAsync(Request(application, NotificationEvent.Cancelled, new() { [NotificationFacts.Reason] = "Trùng hồ sơ" }), CancellationToken.None);

        var (status, body) = await InvokeAsync(application.Id, "Lê Văn Cán; Officer");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(1, body.GetProperty("problems").GetInt32());
        var rows = body.GetProperty("notifications").EnumerateArray().ToDictionary(n => n.GetProperty("event").GetString()!);
        Assert.Equal(("Sent", "Đã gửi"), (rows["Receipt"].GetProperty("state").GetString(), rows["Receipt"].GetProperty("stateText").GetString()));
        var failed = rows["Cancelled"];
        Assert.Equal(("Failed", "Gửi không thành công", 400, "400 bad request (injected fault)"), (
            failed.GetProperty("state").GetString(), failed.GetProperty("stateText").GetString(),
            failed.GetProperty("providerStatus").GetInt32(), failed.GetProperty("reason").GetString()));
        Assert.Equal(application.Submission.ContactEmail, failed.GetProperty("recipient").GetString());
    }

    [Fact]
    public async Task Handle_NoOfficer_Is401()
    {
        var application = await EmailTestServices.StoreApplicationAsync(Services);

        Assert.Equal(StatusCodes.Status401Unauthorized, (await InvokeAsync(application.Id, officer: null)).Status);
    }

    [Fact]
    public async Task Handle_UnknownApplication_Is404()
    {
        var id = ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray());

        Assert.Equal(StatusCodes.Status404NotFound, (await InvokeAsync(id, "Lê Văn Cán; Officer")).Status);
    }

    static NotificationRequest Request(Application application, NotificationEvent e, Dictionary<string, string> facts) =>
        new(application.Id, e, "1", NotificationAudience.Enterprise, EmailTestServices.Unit, facts);

    async Task<(int Status, JsonElement Body)> InvokeAsync(string id, string? officer)
    {
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Request.Method = HttpMethods.Get; // the route's method: officers' writes also need the CSRF header
        http.Response.Body = new MemoryStream();
        if (officer is not null)
        {
            http.Request.Headers[OfficerAuthenticator.DevelopmentHeader] = officer;
        }

        var result = await Handler().HandleAsync(http.Request, id, CancellationToken.None);
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        var body = http.Response.Body.Length > 0 ? await JsonSerializer.DeserializeAsync<JsonElement>(http.Response.Body) : default;
        return (http.Response.StatusCode, body);
    }
}
