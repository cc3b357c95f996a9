using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Documents;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Api.Reports.Runs;

/// <summary>
/// Report runs over HTTP. Officers open a run (<c>POST /api/report-runs</c>), see runs and their steps, write the
/// narrative (saved drafts, one editor at a time by revision), submit it; a leader approves (the Word report is then
/// built and stored as a version) or returns it with a reason; the signed copy (PDF) can be uploaded. Each lead unit
/// asked gets a secret link (token in the page's fragment, sent to the API in the <c>X-Access-Token</c> header, never
/// in a URL's query) to enter its figures and narrative. Officers may stop waiting for lead units (those that did not
/// answer are recorded as escalated and the report says so).
/// </summary>
public sealed class ReportRunsHandler(
    OfficerAuthenticator officers, IReportRunRepository runs, IReportRunProducer producer, IReportRunLinks unitLinks, ReportRunWorkflows workflows,
    IDocumentStore documents, TimeProvider time)
{
    public const string ReportKind = ReportRunProducer.ReportKind;
    public const string SignedKind = "report-run-signed";
    public const string AccessTokenHeader = "X-Access-Token";
    const long MaxSignedCopyBytes = 10 * 1024 * 1024;

    public async Task<Results<ApiCreated<ReportRunOpened>, ProblemHttpResult>> OpenAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (Officer(request, OfficerRoles.Officer) is not { } officer)
        {
            return Refusal(request);
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
        var (runRequest, problem) = await TypedJsonBody.ReadAsync(request, ReportRunBodyRules.Open(today, [.. ReportLeadUnits.All.Select(u => u.Id)]), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var leadUnitIds = runRequest!.LeadUnits ?? [];
        var id = "rr-" + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var opened = ReportRunRules.Open(runRequest, id, officer.Name, now, today);
        if (!opened.IsValid)
        {
            return ApiProblem.ValidationProblem(opened.Errors);
        }

        var links = new List<LeadUnitLinkView>();
        var asked = new List<LeadUnitInput>();
        foreach (var unit in ReportLeadUnits.All.Where(u => leadUnitIds.Contains(u.Id, StringComparer.Ordinal)))
        {
            // Derived from the server key (run, unit): the workflow e-mails the same link without the token being stored.
            var token = unitLinks.Token(id, unit.Id);
            asked.Add(new LeadUnitInput(unit.Id, unit.Name, string.Empty) { TokenHash = ReportRunRules.HashToken(token), AskedAtUtc = now });
            links.Add(new LeadUnitLinkView(unit.Id, unit.Name, unitLinks.InputPage(id, unit.Id)));
        }

        var run = opened.Value! with
        {
            LeadUnits = asked,
            State = asked.Count > 0 ? ReportRunState.AwaitingLeadUnits : ReportRunState.Drafting,
        };
        if (!await runs.TryAddAsync(run, cancellationToken))
        {
            throw new InvalidOperationException($"Report run id {id} was taken."); // 32 random bits a day: a defect, not a client error
        }

        // The run's workflow e-mails each unit its link; the links are also answered once here (for a unit whose
        // address is not configured, to be sent on by the officer); tokens are not stored.
        run = await workflows.StartAsync(durable, run, cancellationToken);
        return ApiResults.Created(new ReportRunOpened(ReportRunView.Of(run), links));
    }

    public async Task<Results<ApiOk<ReportRunsView>, ProblemHttpResult>> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (Officer(request, null) is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var all = await runs.ListAsync(cancellationToken);
        return ApiResults.Ok(new ReportRunsView([.. all.Select(ReportRunView.Of)]));
    }

    public async Task<Results<ApiOk<ReportRunView>, ProblemHttpResult>> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (Officer(request, null) is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        return await runs.FindAsync(id, cancellationToken) is { } run ? ApiResults.Ok(ReportRunView.Of(run)) : ApiProblem.NotFoundProblem("báo cáo");
    }

    /// <summary>The lead unit's page reads its part: the run's title, period, deadline and what it already sent.</summary>
    public async Task<Results<ApiOk<LeadUnitRunView>, ProblemHttpResult>> GetUnitAsync(HttpRequest request, string id, string unit, CancellationToken cancellationToken)
    {
        if (await UnitRunAsync(request, id, unit, cancellationToken) is not { } run)
        {
            return ApiProblem.NotFoundProblem("báo cáo");
        }

        return ApiResults.Ok(LeadUnitRunView.Of(run, unit));
    }

    public async Task<Results<ApiOk<LeadUnitRunView>, ProblemHttpResult>> SubmitUnitAsync(HttpRequest request, string id, string unit, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await UnitRunAsync(request, id, unit, cancellationToken) is null)
        {
            return ApiProblem.NotFoundProblem("báo cáo");
        }

        var (body, problem) = await TypedJsonBody.ReadAsync(request, ReportRunBodyRules.LeadUnitInput, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var result = await runs.UpdateAsync(id, run =>
        {
            var answered = ReportRunRules.SubmitLeadUnit(run, unit, body!.ToFigures(), body.Narrative, body.SubmittedBy!, now);
            return answered.IsValid && answered.Value!.LeadUnits.All(u => u.HasAnswered)
                ? ValidationResult<ReportRun>.Ok(answered.Value with { State = ReportRunState.Drafting })
                : answered;
        }, cancellationToken);
        var answer = await ChangedAsync(durable, result, cancellationToken);
        return result is { IsValid: true, Value: { } answered } ? ApiResults.Ok(LeadUnitRunView.Of(answered, unit)) : (ProblemHttpResult)answer.Result;
    }

    /// <summary>Stops waiting for lead units: those that did not answer are recorded as escalated; the run goes to drafting.</summary>
    public async Task<Results<ApiOk<ReportRunView>, ProblemHttpResult>> CloseInputAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (Officer(request, OfficerRoles.Officer) is null)
        {
            return Refusal(request);
        }

        var now = time.GetUtcNow();
        return await ChangedAsync(durable, await runs.UpdateAsync(id, run => ReportRunRules.EscalateLeadUnits(run, now), cancellationToken), cancellationToken);
    }

    public async Task<Results<ApiOk<ReportRunView>, ProblemHttpResult>> SaveNarrativeAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (Officer(request, OfficerRoles.Officer) is not { } officer)
        {
            return Refusal(request);
        }

        var (body, problem) = await TypedJsonBody.ReadAsync(request, ReportRunBodyRules.Narrative, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        return Outcome(await runs.UpdateAsync(id, run => ReportRunRules.SaveNarrative(run, body!.ToNarrative(), body.Revision!.Value, officer.Name, now), cancellationToken));
    }

    public async Task<Results<ApiOk<ReportRunView>, ProblemHttpResult>> SubmitAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (Officer(request, OfficerRoles.Officer) is null)
        {
            return Refusal(request);
        }

        return await ChangedAsync(durable, await runs.UpdateAsync(id, ReportRunRules.SubmitForApproval, cancellationToken), cancellationToken);
    }

    /// <summary>A leader approves (the Word report is built and stored, the run completed) or returns the narrative with a reason.</summary>
    public async Task<Results<ApiOk<ReportRunView>, ProblemHttpResult>> DecideAsync(HttpRequest request, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (Officer(request, OfficerRoles.Leader) is not { } leader)
        {
            return Refusal(request);
        }

        var (body, problem) = await TypedJsonBody.ReadAsync(request, ReportRunBodyRules.Decision, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (approve, reason) = (body!.Approve!.Value, body.Reason);
        var now = time.GetUtcNow();
        var decided = await runs.UpdateAsync(id, run => ReportRunRules.Decide(run, approve, reason, leader.Name, now), cancellationToken);
        if (decided is null || !decided.IsValid || !approve)
        {
            return await ChangedAsync(durable, decided, cancellationToken);
        }

        // Built here, so the leader gets the report at once; should this fail or be cut short, the run stays "Building"
        // and its workflow builds it (the same version: the build is idempotent per approval).
        var version = await producer.BuildAsync(decided.Value!, leader.Name, cancellationToken);
        return await ChangedAsync(durable, await runs.UpdateAsync(id, run => run.State == ReportRunState.Building
            ? ValidationResult<ReportRun>.Ok(run with { State = ReportRunState.Completed, ReportVersion = version })
            : run.State == ReportRunState.Completed && run.ReportVersion == version
                ? ValidationResult<ReportRun>.Ok(run)
                : ValidationResult<ReportRun>.Failed([new("state", "run_not_building", "Báo cáo không ở bước lập văn bản.")]), cancellationToken), cancellationToken);
    }

    public async Task<IResult> GetReportAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (Officer(request, null) is null)
        {
            return ApiProblem.Unauthorized();
        }

        var kind = request.Query["signed"] == "true" ? SignedKind : ReportKind;
        var content = ApiSafe(id) ? await DocumentRequests.OpenAsync(documents, request, kind, id, cancellationToken) : null;
        return content is null ? ApiProblem.NotFound("văn bản báo cáo") : new DocumentDownload(content);
    }

    /// <summary>The signed copy (PDF, raw body) of a completed run, stored as a version beside the report.</summary>
    public async Task<IResult> UploadSignedAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Officer(request, OfficerRoles.Officer) is not { } officer)
        {
            return Refusal(request);
        }

        if (await runs.FindAsync(id, cancellationToken) is not { } run)
        {
            return ApiProblem.NotFound("báo cáo");
        }

        if (run.State != ReportRunState.Completed)
        {
            return ApiProblem.Create(StatusCodes.Status409Conflict, "run_not_completed", "Báo cáo chưa hoàn thành", "Chỉ tải bản có chữ ký lên sau khi báo cáo đã được duyệt và lập văn bản.");
        }

        if (request.ContentLength is > MaxSignedCopyBytes)
        {
            return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "Tệp quá lớn", "Bản có chữ ký tối đa 10 MB.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (bytes.Length > MaxSignedCopyBytes)
        {
            return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "Tệp quá lớn", "Bản có chữ ký tối đa 10 MB.");
        }

        if (bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return ApiProblem.Validation([new("file", "not_a_pdf", "Bản có chữ ký phải là tệp PDF.")]);
        }

        var stored = await documents.AddVersionAsync(new NewDocument(SignedKind, run.Id, $"{run.Title} (bản ký).pdf", "application/pdf", bytes, officer.Name, time.GetUtcNow()),
            cancellationToken);
        var result = await runs.UpdateAsync(id, r => ValidationResult<ReportRun>.Ok(r with { SignedCopyVersion = stored.Version }), cancellationToken);
        return Outcome(result);
    }

    async Task<ReportRun?> UnitRunAsync(HttpRequest request, string id, string unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Headers[AccessTokenHeader].ToString();
        if (token.Length == 0 || request.Query.ContainsKey("access") || !ApiSafe(id))
        {
            return null;
        }

        var run = await runs.FindAsync(id, cancellationToken);
        return run?.LeadUnits.FirstOrDefault(u => u.UnitId == unit) is { } input && ReportRunRules.TokenOpens(input, token) ? run : null;
    }

    Officer? Officer(HttpRequest request, string? role)
    {
        var officer = officers.Authenticate(request);
        return officer is not null && (role is null || officer.IsIn(role)) ? officer : null;
    }

    ProblemHttpResult Refusal(HttpRequest request) => officers.Authenticate(request) is null
        ? ApiProblem.UnauthorizedProblem()
        : ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện", "Vai trò của cán bộ không được thực hiện bước này của báo cáo.");

    /// <summary>The outcome; when the run changed, its workflow is told (it also wakes at its deadlines, so a lost signal only delays it).</summary>
    async Task<Results<ApiOk<ReportRunView>, ProblemHttpResult>> ChangedAsync(DurableTaskClient durable, ValidationResult<ReportRun>? result, CancellationToken cancellationToken)
    {
        if (result is { IsValid: true, Value: { } run })
        {
            await workflows.SignalAsync(durable, run, cancellationToken);
        }

        return Outcome(result);
    }

    static Results<ApiOk<ReportRunView>, ProblemHttpResult> Outcome(ValidationResult<ReportRun>? result) => result switch
    {
        null => ApiProblem.NotFoundProblem("báo cáo"),
        { IsValid: true } => ApiResults.Ok(ReportRunView.Of(result.Value!)),
        _ when result.Errors.Any(e => e.Field is "state" or "revision" or "unit" && e.Code is not "unknown_unit") =>
            ApiProblem.Problem(StatusCodes.Status409Conflict, result.Errors[0].Code, "Không thực hiện được", result.Errors[0].Message, result.Errors),
        _ => ApiProblem.ValidationProblem(result.Errors),
    };

    static bool ApiSafe(string id) => id.Length is > 3 and < 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
