using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Infrastructure.Email;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// <c>POST /api/applications</c>: validate → store the application (with its first audit entry) → start its workflow
/// → 201 with the tracking code and the access link. With an <c>Idempotency-Key</c>, a repeat within the key's
/// retention returns the same application and starts nothing new (<see cref="Answer"/>: no more than the first answer).
/// </summary>
public sealed partial class SubmitApplicationHandler(
    SubmissionValidator validator,
    ProgrammeCatalogue catalogue,
    IApplicationRepository applications,
    IIdempotencyStore idempotency,
    DeadlinePlanner deadlines,
    AccessTokens accessTokens,
    TimeProvider time,
    ContactEmailLimit contactEmailLimit,
    Workflows.Common.WorkflowTiming timing,
    Domain.Calls.ICallRepository calls,
    ILogger<SubmitApplicationHandler> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Why a repeat's answer has no link: it was replaced (revoked) after the first answer.</summary>
    public const string LinkReplacedNote =
        "Hồ sơ đã được tiếp nhận. Đường liên kết theo dõi hồ sơ đã được Sở KH&CN thay bằng đường liên kết mới; "
        + "doanh nghiệp vui lòng dùng đường liên kết trong thư điện tử gần nhất Sở gửi tới, hoặc liên hệ Sở KH&CN để được cấp lại.";

    public async Task<Results<ApiCreated<SubmissionResponse>, ApiOk<SubmissionResponse>, ProblemHttpResult, AbuseLimits.RetryAfterResult>> HandleAsync(
        HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);

        var idempotencyKey = request.Headers[IdempotencyKeyHeader].ToString();
        if (request.Headers.ContainsKey(IdempotencyKeyHeader) && !IsUsableKey(idempotencyKey))
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "idempotency_key_invalid", "Khóa chống gửi trùng không hợp lệ",
                $"Header {IdempotencyKeyHeader} phải gồm 8–200 ký tự ASCII in được.");
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ApplicationSubmission submission;
        using (document)
        {
            var (draft, typeErrors, refused) = SubmissionJsonReader.Read(document!.RootElement);
            var validated = validator.Validate(draft);
            var errors = typeErrors.Concat(validated.Errors.Besides(refused)).ToList();
            if (errors.Count > 0)
            {
                return ApiProblem.ValidationProblem(errors);
            }

            submission = validated.Value!;
        }

        if (await contactEmailLimit.CheckAsync(submission.ContactEmail, idempotencyKey, cancellationToken) is { } tooMany)
        {
            return tooMany;
        }

        var now = time.GetUtcNow();
        var candidate = new IdempotencyRecord(
            idempotencyKey,
            Fingerprint(submission),
            ApplicationIds.FromRandom(RandomNumberGenerator.GetBytes(16)),
            TrackingCode.Create(now.ToOffset(DeadlinePlanner.VietnamOffset).Year, RandomNumberGenerator.GetBytes(4)),
            now)
        {
            AccessGeneration = 0, // a new application's first link: what the first answer carries
        };

        var record = candidate;
        if (idempotencyKey.Length > 0)
        {
            record = await idempotency.GetOrAddAsync(candidate, cancellationToken);
            if (record.RequestFingerprint != candidate.RequestFingerprint)
            {
                return ApiProblem.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "Khóa chống gửi trùng đã được dùng",
                    $"Header {IdempotencyKeyHeader} này đã được dùng cho một hồ sơ có nội dung khác.");
            }
        }

        var isReplay = !ReferenceEquals(record, candidate);

        // Calls: a kind that is not rolling only through an open call offering it; a call named must be open and offer
        // the kind. Checked for a file not stored yet: a repeat of a submission received before the call closed is
        // answered with its first answer, and a refused one is checked again when repeated.
        var stored = isReplay ? await applications.FindAsync(record.ApplicationId, cancellationToken) : null;
        var call = stored is null && submission.CallId is { } callId ? await calls.FindAsync(callId, cancellationToken) : null;
        if (stored is null
            && Domain.Calls.CallRules.CheckSubmission(catalogue.FindKind(submission.SupportKindId)!, submission.CallId, call, time.GetUtcNow()) is { } callError)
        {
            return ApiProblem.Problem(StatusCodes.Status422UnprocessableEntity, callError.Code, "Hồ sơ không thuộc đợt tuyển chọn đang nhận hồ sơ", callError.Message,
                [callError]);
        }

        var application = stored ?? await EnsureStoredAsync(record, submission, call, cancellationToken);
        await EnsureWorkflowAsync(durable, application, cancellationToken);
        if (!isReplay)
        {
            LogSubmitted(logger, application.Id, application.TrackingCode, application.Submission.SupportKindId);
        }

        var body = Answer(application, record);
        if (isReplay)
        {
            request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return ApiResults.Ok(body);
        }

        request.HttpContext.Response.Headers.Location = body.StatusUrl;
        return ApiResults.Created(body);
    }

    /// <summary>
    /// The answer for <paramref name="record"/>'s request, the first time and on every repeat alike, never more than the
    /// first answer held: the application as received, and its access token only while the link generation that answer
    /// carried is still current. Once an officer has replaced the link, whoever repeats the request (a shared draft, a
    /// stolen request log) gets the ids and a note, no credential. Tokens go in no URL but the page's fragment.
    /// </summary>
    SubmissionResponse Answer(Application application, IdempotencyRecord record)
    {
        var statusUrl = $"/{ApiRoutes.Prefix}/{ApiRoutes.Applications}/{application.Id}";
        var current = application.Lifecycle.AccessGeneration == record.AccessGeneration;
        var token = current ? accessTokens.Current(application) : null;
        return new SubmissionResponse(application.Id, application.TrackingCode, nameof(ApplicationStatus.Submitted), statusUrl, token,
            application.SubmittedAtUtc, application.CompletenessDeadlineUtc)
        {
            StatusPage = token is null ? null : EmailLinks.EnterpriseStatus(application.Id, token),
            AccessLinkReplaced = current ? null : true,
            Note = current ? null : LinkReplacedNote,
        };
    }

    async Task<Application> EnsureStoredAsync(IdempotencyRecord record, ApplicationSubmission submission, Domain.Calls.Call? call, CancellationToken cancellationToken)
    {
        var kind = catalogue.FindKind(submission.SupportKindId)!;
        var deadline = deadlines.WorkingDaysFrom(record.CreatedAtUtc, kind.Policy.CompletenessReviewWorkingDays);
        var application = new Application(record.ApplicationId, record.TrackingCode, submission, catalogue.Version, record.CreatedAtUtc, deadline);
        // The unit is known from the kind at once: officers of that unit see the file before its workflow records receipt.
        application.RouteTo(catalogue, kind);
        if (call is not null)
        {
            application.JoinCall(call);
            await calls.AddApplicationAsync(call.Id, application.Id, cancellationToken); // before the file exists: a listed id not found is skipped
        }

        _ = accessTokens.Issue(application);
        var first = new AuditEntry(application.Id, record.CreatedAtUtc, AuditKinds.Submitted, submission.ContactEmail,
            $"Nộp hồ sơ \"{submission.Title}\" ({kind.Name}).");
        if (await applications.TryAddAsync(application, first, cancellationToken))
        {
            return application;
        }

        return await applications.FindAsync(record.ApplicationId, cancellationToken)
            ?? throw new InvalidOperationException($"Application {record.ApplicationId} neither added nor found.");
    }

    /// <summary>
    /// The workflow of the application, started once: scheduled with the application's instance id without asking first
    /// whether it exists (<see cref="Workflows.Common.DurableStart"/>); a replay, or a concurrent request with the same
    /// key, meets "already exists", which is the outcome it wanted. Returns only once the start is durable.
    /// </summary>
    Task<Workflows.Common.DurableStartOutcome> EnsureWorkflowAsync(DurableTaskClient durable, Application application, CancellationToken cancellationToken) =>
        Workflows.Common.DurableStart.StartIfAbsentAsync(
            durable,
            nameof(Workflows.Lifecycle.ApplicationWorkflow),
            ApplicationIds.WorkflowInstanceId(application.Id),
            new Workflows.Lifecycle.ApplicationWorkflowInput(application.Id) { StepsPerExecution = timing.StepsPerExecution },
            cancellationToken);

    static bool IsUsableKey(string key) => key.Length is >= 8 and <= 200 && key.All(c => c is >= '!' and <= '~');

    static string Fingerprint(ApplicationSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(submission, ApiJson.Options))));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Application {ApplicationId} ({TrackingCode}) submitted for {SupportKindId}")]
    static partial void LogSubmitted(ILogger logger, string applicationId, string trackingCode, string supportKindId);
}
