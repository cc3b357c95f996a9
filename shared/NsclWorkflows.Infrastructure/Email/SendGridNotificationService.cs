using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email.Templates;
using NsclWorkflows.Infrastructure.Security;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NsclWorkflows.Infrastructure.Email;

/// <summary>
/// Sends a notification through SendGrid, at most once per (application, event, occurrence, recipient):
/// <list type="number">
/// <item>resolve the recipients (the application's contact, or officers by unit and role) and render the event's template,
/// per recipient (an officer is greeted by title and, when the directory knows it, by name);</item>
/// <item>per recipient, claim the e-mail's record (<see cref="TableNotificationRecords.ClaimAsync"/>): only a claim that says
/// <c>Send</c> sends; a record already Sent, Unconfirmed or Failed is not sent again;</item>
/// <item>send with the SendGrid client over the named <see cref="HttpClient"/>; 2xx → Sent; 429, 5xx, timeouts and network
/// errors → Retrying, and the call throws <see cref="TransientNotificationException"/> after the other recipients are done,
/// so the activity's retry policy runs it again; other 4xx → Failed with the provider's reason, returned in the outcome.</item>
/// </list>
/// Problems that no retry fixes (no recipient configured, a missing fact, no such application) are recorded as Failed
/// and returned, never thrown: the workflow goes on and officers see the failure in the log.
/// </summary>
public sealed class SendGridNotificationService(
    IApplicationRepository applications,
    RecipientDirectory directory,
    EmailRenderer renderer,
    TableNotificationRecords records,
    AccessTokens accessTokens,
    IHttpClientFactory httpClients,
    IOptionsMonitor<EmailOptions> options,
    ILogger<SendGridNotificationService> logger) : INotificationService
{
    /// <summary>The named HttpClient the SendGrid client is built over (timeout from <see cref="EmailOptions.Timeout"/>).</summary>
    public const string HttpClientName = "sendgrid";

    public async Task<NotificationOutcome> SendAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        var application = ApplicationIds.IsWellFormed(request.ApplicationId)
            ? await applications.FindAsync(request.ApplicationId, cancellationToken)
            : null;

        var (recipients, problem) = Recipients(request, application);
        Dictionary<string, string>? facts = null;
        if (problem is null)
        {
            (facts, problem) = FactsOf(request, application, settings);
        }

        // Rendered once for the first recipient: a template problem is the same for every recipient.
        if (problem is null)
        {
            problem = Render(request, facts!, recipients[0], settings).Problem;
        }

        if (problem is not null)
        {
            Log.CannotSend(logger, request.ApplicationId, request.Event, request.Occurrence, problem);
            var failed = recipients.Count > 0 ? recipients : [new Recipient(string.Empty, null)];
            foreach (var recipient in failed)
            {
                var key = new NotificationKey(request.ApplicationId, request.Event, request.Occurrence, recipient.Address);
                if (await records.FindAsync(key, cancellationToken) is not { State: NotificationState.Sent or NotificationState.Unconfirmed })
                {
                    await records.RecordAsync(key, request.Audience, string.Empty, NotificationState.Failed, null, problem, null, cancellationToken);
                }
            }

            return new NotificationOutcome(0, 0, [.. failed.Select(r => Failure(r, problem))]);
        }

        int sent = 0, alreadySent = 0;
        var failures = new List<string>();
        var transient = new List<string>();
        foreach (var recipient in recipients)
        {
            var key = new NotificationKey(request.ApplicationId, request.Event, request.Occurrence, recipient.Address);
            var email = Render(request, facts!, recipient, settings).Email!;
            var claim = await records.ClaimAsync(key, request.Audience, email.Subject, cancellationToken);
            switch (claim.Result)
            {
                case ClaimResult.AlreadySent:
                    Log.AlreadySent(logger, request.ApplicationId, request.Event, request.Occurrence, key.RecipientHash);
                    alreadySent++;
                    continue;
                case ClaimResult.Unconfirmed:
                    Log.Unconfirmed(logger, request.ApplicationId, request.Event, request.Occurrence, key.RecipientHash);
                    alreadySent++;
                    continue;
                case ClaimResult.AlreadyFailed:
                    failures.Add(Failure(recipient, claim.Reason ?? "đã thất bại trước đó"));
                    continue;
            }

            var answer = await SendOneAsync(request, key, recipient, email, settings, cancellationToken);
            await records.RecordAsync(key, request.Audience, email.Subject, answer.State, answer.Status, answer.Reason, answer.MessageId, cancellationToken);
            switch (answer.State)
            {
                case NotificationState.Sent:
                    Log.Sent(logger, request.ApplicationId, request.Event, request.Occurrence, key.RecipientHash, claim.Attempt, answer.Status ?? 0, answer.MessageId);
                    sent++;
                    break;
                case NotificationState.Retrying:
                    Log.WillRetry(logger, request.ApplicationId, request.Event, request.Occurrence, key.RecipientHash, claim.Attempt, answer.Reason!);
                    transient.Add(answer.Reason!);
                    break;
                default:
                    Log.Failed(logger, request.ApplicationId, request.Event, request.Occurrence, key.RecipientHash, claim.Attempt, answer.Reason!);
                    failures.Add(Failure(recipient, answer.Reason!));
                    break;
            }
        }

        if (transient.Count > 0)
        {
            throw new TransientNotificationException(
                $"{transient.Count} of {recipients.Count} e-mails {request.Event} ({request.Occurrence}) of {request.ApplicationId} were refused for now: {string.Join("; ", transient.Distinct())}");
        }

        return new NotificationOutcome(sent, alreadySent, failures);
    }

    async Task<ProviderAnswer> SendOneAsync(
        NotificationRequest request, NotificationKey key, Recipient recipient, RenderedEmail email, EmailOptions settings, CancellationToken cancellationToken)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(settings.From, settings.FromName),
            PlainTextContent = email.Text,
            HtmlContent = email.Html,
        };
        message.AddTo(new EmailAddress(recipient.Address, recipient.Name));
        message.SetSubject(email.Subject);
        message.AddCustomArgs(new Dictionary<string, string>
        {
            ["applicationId"] = request.ApplicationId,
            ["event"] = request.Event.ToString(),
            ["occurrence"] = request.Occurrence,
            ["messageKey"] = key.MessageKey,
        });
        message.AddCategory("nscl");
        message.AddCategory(request.Event.ToString());

        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = settings.SendGridApiKey,
            Host = settings.BaseUrl,
        });
        Response response;
        try
        {
            response = await client.SendEmailAsync(message, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProviderAnswer(NotificationState.Retrying, null, $"timeout after {settings.Timeout.TotalSeconds:0} s", null);
        }
        catch (HttpRequestException ex)
        {
            return new ProviderAnswer(NotificationState.Retrying, null, $"network error: {ex.Message}", null);
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var messageId = response.Headers?.TryGetValues("X-Message-Id", out var ids) == true ? ids.FirstOrDefault() : null;
            return new ProviderAnswer(NotificationState.Sent, status, null, messageId);
        }

        var reason = $"{status} {await ReasonAsync(response)}".TrimEnd();
        return response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500
            ? new ProviderAnswer(NotificationState.Retrying, status, reason, null)
            : new ProviderAnswer(NotificationState.Failed, status, reason, null);
    }

    (IReadOnlyList<Recipient> Recipients, string? Problem) Recipients(NotificationRequest request, Application? application)
    {
        if (request.Audience == NotificationAudience.Enterprise)
        {
            return application is null
                ? ([], $"không tìm thấy hồ sơ {request.ApplicationId} để lấy địa chỉ e-mail của doanh nghiệp")
                : ([new Recipient(application.Submission.ContactEmail, application.Submission.ContactName)], null);
        }

        if (request.Audience == NotificationAudience.CouncilMember)
        {
            // A council member is no officer of the directory: the address the leader entered on the council.
            var address = request.Facts.GetValueOrDefault(NotificationFacts.MemberEmail)?.Trim() ?? string.Empty;
            return address.Length == 0
                ? ([], "thiếu địa chỉ e-mail của thành viên hội đồng")
                : ([new Recipient(address, request.Facts.GetValueOrDefault(NotificationFacts.MemberName), request.Facts.GetValueOrDefault(NotificationFacts.MemberTitle) ?? string.Empty)], null);
        }

        var officers = directory.Officers(request.Unit, request.Audience);
        return officers.Count > 0
            ? (officers, null)
            : ([], $"chưa cấu hình địa chỉ nhận cho đơn vị '{request.Unit}', vai trò {RecipientRoles.For(request.Audience)} ({EmailOptions.Section}:Recipients)");
    }

    (Dictionary<string, string>? Facts, string? Problem) FactsOf(NotificationRequest request, Application? application, EmailOptions settings)
    {
        var reserved = request.Facts.Keys.Where(NotificationFacts.Standard.Contains).ToList();
        if (reserved.Count > 0)
        {
            return (null, $"yêu cầu không được tự đặt các giá trị chuẩn: {string.Join(", ", reserved)}");
        }

        var facts = new Dictionary<string, string>(request.Facts, StringComparer.Ordinal);
        if (application is not null)
        {
            var s = application.Submission;
            facts[NotificationFacts.EnterpriseName] = s.EnterpriseName;
            facts[NotificationFacts.EnterpriseCode] = s.EnterpriseCode;
            facts[NotificationFacts.TrackingCode] = application.TrackingCode;
            facts[NotificationFacts.ApplicationTitle] = s.Title;
            facts[NotificationFacts.ContactName] = s.ContactName;
            facts[NotificationFacts.RequestedAmountVnd] = s.RequestedAmountVnd.ToString(System.Globalization.CultureInfo.InvariantCulture);
            facts[NotificationFacts.SubmittedDate] = application.SubmittedAtUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            facts[NotificationFacts.HandlingUnit] = NsclWorkflows.Domain.Documents.DocumentIssuer.For(application.Lifecycle.Unit).Name;
            // The link of the generation current now (read with the application at send time): after an officer
            // revoked the link, later e-mails carry the new one, never the revoked one.
            facts[NotificationFacts.Link] = request.Audience == NotificationAudience.Enterprise
                ? EmailLinks.EnterpriseStatus(application.Id, accessTokens.Current(application))
                : EmailLinks.OfficerView(application.Id);
            if (request.Audience == NotificationAudience.Enterprise && directory.ContactFor(application.Lifecycle.Unit) is { } contact)
            {
                facts[NotificationFacts.HandlerName] = contact.Name.Trim();
                facts[NotificationFacts.HandlerPhone] = contact.Phone.Trim();
                facts[NotificationFacts.HandlerEmail] = contact.Email.Trim();
            }
        }

        try
        {
            return (FactFormatter.FormatAll(facts, settings.PublicBase), null);
        }
        catch (TemplateException ex)
        {
            return (null, $"lỗi mẫu thư: {ex.Message}");
        }
    }

    /// <summary>The e-mail as <paramref name="recipient"/> reads it: an officer greeted by title and, when known, by name.</summary>
    (RenderedEmail? Email, string? Problem) Render(NotificationRequest request, Dictionary<string, string> facts, Recipient recipient, EmailOptions settings)
    {
        var personal = facts;
        if (request.Audience != NotificationAudience.Enterprise)
        {
            personal = new Dictionary<string, string>(facts, StringComparer.Ordinal)
            {
                [NotificationFacts.RecipientTitle] = FactFormatter.Format(NotificationFacts.RecipientTitle, recipient.Title ?? string.Empty, settings.PublicBase),
                [NotificationFacts.RecipientName] = FactFormatter.Format(NotificationFacts.RecipientName, recipient.Name ?? string.Empty, settings.PublicBase),
            };
        }

        try
        {
            return (renderer.Render(request.Event, personal), null);
        }
        catch (TemplateException ex)
        {
            return (null, $"lỗi mẫu thư: {ex.Message}");
        }
    }

    static async Task<string> ReasonAsync(Response response)
    {
        var body = response.Body is null ? string.Empty : await response.Body.ReadAsStringAsync();
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    (e.TryGetProperty("message", out var m) ? m.GetString() : null)
                    + (e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? $" ({f.GetString()})" : string.Empty)));
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error JSON: keep the start of the body.
        }

        return body.Length <= 300 ? body : body[..300] + "…";
    }

    static string Failure(Recipient recipient, string reason) =>
        recipient.Address.Length > 0 ? $"{recipient.Address}: {reason}" : reason;

    sealed record ProviderAnswer(NotificationState State, int? Status, string? Reason, string? MessageId);
}
