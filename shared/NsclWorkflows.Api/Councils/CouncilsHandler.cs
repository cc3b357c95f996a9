using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Workflows.Councils;

namespace NsclWorkflows.Api.Councils;

/// <summary>
/// Councils over HTTP. A leader of the unit founds a council (<c>POST /api/councils</c>: founding decision, members with
/// roles, the applications awaiting appraisal it appraises by tracking code, the session's due date); officers of the
/// unit read it. Each member gets a secret link (token in the page's fragment, sent as <c>X-Access-Token</c>, only its
/// hash stored, compared in constant time) to their page: they declare conflicts of interest, then score each
/// application they may score against its kind's rubric (the body of <c>submit-appraisal</c>, read and checked as that
/// action is); the secretary closes the session with the meeting's start and end, which refuses below the quorum
/// (409 <c>council_below_quorum</c>) and delivers each result to its file (<see cref="CouncilDelivery"/>). An unknown
/// council, member or a wrong token is 404 whatever is wrong.
/// </summary>
public sealed class CouncilsHandler(
    OfficerAuthenticator officers, ICouncilRepository councils, ICouncilLinks links, IApplicationRepository applications, NsclWorkflows.Domain.Inbox.IInboxReader inbox,
    ProgrammeCatalogue catalogue, IPendingActions pending, CouncilWorkflows workflows, TimeProvider time,
    NsclWorkflows.Domain.Notifications.INotificationService notifications, NsclWorkflows.Domain.Attachments.IAttachmentStore attachments)
{
    public const string AccessTokenHeader = "X-Access-Token";

    public async Task<IResult> FoundAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.Unauthorized();
        }

        if (!officer.IsIn(OfficerRoles.Leader))
        {
            return ApiProblem.Create(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
                "Lãnh đạo đơn vị thành lập hội đồng (quyết định thành lập).", extensions: new { requiredRole = OfficerRoles.Leader });
        }

        var (body, problem) = await TypedJsonBody.ReadAsync<FoundCouncilBody>(request, null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        {
            var errors = new List<FieldError>();
            var codes = body!.TrackingCodes?.ToList() ?? [];
            var councilRequest = body.ToRequest();
            var purpose = CouncilRules.ParsePurpose(body.Purpose) ?? CouncilPurpose.Appraisal;
            var (resolved, unit, elsewhere) = await ResolveAsync(officer, codes, purpose, errors, cancellationToken);
            if (elsewhere.Count > 0)
            {
                // An evaluation council evaluates files whose final report awaits evaluation, nothing else.
                return ApiProblem.Create(StatusCodes.Status409Conflict, CouncilRules.FileNotAwaitingEvaluation, "Hồ sơ chưa đến bước đánh giá, nghiệm thu",
                    "Hội đồng đánh giá, nghiệm thu chỉ đánh giá hồ sơ đã nộp báo cáo tổng kết và đang chờ nghiệm thu: " + string.Join("; ", elsewhere.Select(e => e.Message)),
                    elsewhere);
            }

            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
            var id = "hd-" + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            var founded = CouncilRules.Found(councilRequest, id, unit ?? officer.Unit, officer.Name, now, today, catalogue.CouncilPolicy, resolved);
            if (errors.Count > 0 || !founded.IsValid)
            {
                return ApiProblem.Validation([.. errors, .. founded.Errors.Where(e => !(e.Field == "trackingCodes" && errors.Any(x => x.Field.StartsWith("trackingCodes", StringComparison.Ordinal))))]);
            }

            // One file, one open council of a purpose: a second would score the same file again.
            if (CouncilRules.OpenCouncilHolding(await councils.ListAsync(founded.Value!.Unit, cancellationToken), founded.Value.Purpose,
                founded.Value.Applications.Select(a => a.ApplicationId)) is { } held)
            {
                return ApiProblem.Create(StatusCodes.Status409Conflict, CouncilRules.FileInOpenCouncil, "Hồ sơ đang thuộc một hội đồng khác",
                    $"Hồ sơ {held.Application.TrackingCode} đang thuộc {held.Council.Name} (Quyết định số {held.Council.Decision.Number}), phiên họp chưa kết thúc; "
                    + "mỗi hồ sơ chỉ thuộc một hội đồng đang họp cùng mục đích.",
                    extensions: new { councilId = held.Council.Id, trackingCode = held.Application.TrackingCode });
            }

            // Each member's link: a random nonce per member, the token derived from it with the server key; only its hash is kept.
            var council = founded.Value! with
            {
                Members = [.. founded.Value!.Members.Select(m =>
                {
                    var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                    return m with { LinkNonce = nonce, TokenHash = CouncilRules.HashToken(links.Token(id, m.Id, nonce)) };
                })],
            };
            // The check above reads the councils, then this adds one: a leader founding another council for the same file at
            // this moment would pass it too. Claiming each file's seat first lets exactly one of them through.
            if (await councils.TryClaimFilesAsync(council, now, cancellationToken) is { } seat)
            {
                var holder = await councils.FindAsync(seat.CouncilId, cancellationToken);
                var code = council.Applications.First(a => a.ApplicationId == seat.ApplicationId).TrackingCode;
                return ApiProblem.Create(StatusCodes.Status409Conflict, CouncilRules.FileInOpenCouncil, "Hồ sơ đang thuộc một hội đồng khác",
                    holder is null
                        ? $"Hồ sơ {code} đang được đưa vào một hội đồng khác vừa được thành lập; mỗi hồ sơ chỉ thuộc một hội đồng đang họp cùng mục đích."
                        : $"Hồ sơ {code} đang thuộc {holder.Name} (Quyết định số {holder.Decision.Number}), phiên họp chưa kết thúc; "
                            + "mỗi hồ sơ chỉ thuộc một hội đồng đang họp cùng mục đích.",
                    extensions: new { councilId = seat.CouncilId, trackingCode = code });
            }

            if (!await councils.TryAddAsync(council, cancellationToken))
            {
                throw new InvalidOperationException($"Council id {id} was taken."); // 32 random bits a day: a defect, not a client error
            }

            council = await workflows.StartAsync(durable, council, cancellationToken);
            var memberLinks = council.Members.Select(m => new
            {
                memberId = m.Id, m.FullName, role = CouncilRules.RoleName(m.Role), roleText = CouncilRules.RoleText(m.Role),
                memberPage = links.MemberPage(council.Id, m.Id, m.LinkNonce!),
            });
            return Results.Json(new { council = View(council), memberLinks }, ApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.Unauthorized();
        }

        IReadOnlyList<Council> found = officer.IsAdmin && officer.Unit.Length == 0 ? await councils.ListAsync(null, cancellationToken)
            : officer.Unit.Length == 0 ? [] : await councils.ListAsync(officer.Unit, cancellationToken);
        return Results.Json(new { items = found.Select(View) }, ApiJson.Options);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.Unauthorized();
        }

        return ApiSafe(id) && await councils.FindAsync(id, cancellationToken) is { } council && officer.Covers(council.Unit)
            ? Results.Json(View(council), ApiJson.Options)
            : ApiProblem.NotFound("hội đồng");
    }

    /// <summary>The member's page reads the council as the member may see it: their own declaration and sheets, each application's rubric.</summary>
    public async Task<IResult> GetMemberAsync(HttpRequest request, string id, string member, CancellationToken cancellationToken)
    {
        return await MemberAsync(request, id, member, cancellationToken) is { } council
            ? Results.Json(MemberView(council, member, await DossiersAsync(council, member, cancellationToken)), ApiJson.Options)
            : ApiProblem.NotFound("hội đồng");
    }

    /// <summary>
    /// One of the enterprise's documents of a file the council assesses, for a member who may assess it (not one who
    /// declared a conflict with it, nor before the member has declared): what the member reads to score it. The
    /// officers' own files (signed decisions, payment vouchers) are not the dossier. 404 for anything else, like a wrong token.
    /// </summary>
    public async Task<IResult> DownloadMemberDocumentAsync(HttpRequest request, string id, string member, string application, string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await MemberAsync(request, id, member, cancellationToken) is not { } council
            || council.Member(member) is not { } reader || !reader.MayScore(application)
            || council.Applications.All(a => a.ApplicationId != application)
            || !NsclWorkflows.Domain.Attachments.AttachmentRules.IsSafeName(name)
            || !(await attachments.ListAsync(application, cancellationToken)).Any(a => a.Name == name && IsDossier(a))
            || await attachments.OpenAsync(application, name, cancellationToken) is not var (stream, contentType))
        {
            return ApiProblem.NotFound("tài liệu");
        }

        // Served as a download, never rendered in the API's origin.
        request.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, contentType, fileDownloadName: name);
    }

    /// <summary>The enterprise's own uploads: the dossier a member reads (officers' files are not).</summary>
    static bool IsDossier(NsclWorkflows.Domain.Attachments.StoredAttachment attachment) =>
        attachment.UploadedBy == NsclWorkflows.Domain.Lifecycle.EnterpriseDisclosure.EnterpriseActor;

    /// <summary>What a member reads of each file they may assess: the application's content and the enterprise's documents.</summary>
    async Task<IReadOnlyDictionary<string, object>> DossiersAsync(Council council, string memberId, CancellationToken cancellationToken)
    {
        var reader = council.Member(memberId)!;
        var dossiers = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var a in council.Applications.Where(a => reader.MayScore(a.ApplicationId)))
        {
            if (await applications.FindAsync(a.ApplicationId, cancellationToken) is not { } file)
            {
                continue;
            }

            var s = file.Submission;
            var kind = catalogue.FindKind(s.SupportKindId);
            var documents = (await attachments.ListAsync(file.Id, cancellationToken)).Where(IsDossier)
                .Select(d => new
                {
                    d.Name, d.SizeBytes, d.DocumentKind,
                    documentTitle = NsclWorkflows.Domain.Applications.ApplicationForm.Shipped.RequiredDocumentsFor(s.SupportKindId)
                        .FirstOrDefault(r => r.Id == d.DocumentKind)?.Name,
                });
            var report = council.Purpose == CouncilPurpose.Evaluation ? file.Lifecycle.FinalReport : null;
            dossiers[a.ApplicationId] = new
            {
                kindName = kind?.Name, s.Summary, s.DurationMonths, s.OwnContributionVnd, coFunding = s.CoFunding ?? [],
                s.SectorCode, s.Employees, approvedVnd = council.Purpose == CouncilPurpose.Evaluation ? file.Lifecycle.Approval?.AmountVnd : null,
                finalReport = report is null ? null : new { report.Text, report.PercentDone, report.SpentVnd, report.AtUtc },
                documents,
            };
        }

        return dossiers;
    }

    public async Task<IResult> DeclareAsync(HttpRequest request, string id, string member, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await MemberAsync(request, id, member, cancellationToken) is null)
        {
            return ApiProblem.NotFound("hội đồng");
        }

        var (body, problem) = await TypedJsonBody.ReadAsync(request, CouncilBodyRules.Declaration, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        {
            var (hasConflict, applicationId, reason) = (body!.HasConflict, body.ApplicationId, body.Reason);
            var now = time.GetUtcNow();
            return await ChangedAsync(durable, member, await UpdateAsync(id, x => CouncilRules.Declare(x, member, hasConflict!.Value,
                string.IsNullOrWhiteSpace(applicationId) ? null : applicationId.Trim(), reason, now), cancellationToken), cancellationToken);
        }
    }

    /// <summary>A member's sheet for one application: the body of <c>submit-appraisal</c>, read and checked as that action is (rubric, cap, amounts).</summary>
    public async Task<IResult> ScoreAsync(HttpRequest request, string id, string member, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await MemberAsync(request, id, member, cancellationToken) is not { } council)
        {
            return ApiProblem.NotFound("hội đồng");
        }

        if (council.Application(applicationId) is null || await applications.FindAsync(applicationId, cancellationToken) is not { } application)
        {
            return ApiProblem.NotFound("hồ sơ");
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ActionRequest sheet;
        var now = time.GetUtcNow();
        var evaluation = council.Purpose == CouncilPurpose.Evaluation;
        using (document)
        {
            var name = council.Member(member)!.FullName;
            // An appraisal sheet is the body of submit-appraisal; an evaluation sheet the body of evaluate (passed, amount, scores, note).
            // A member's sheet is not bound by an earlier council's verdict on the file (the leader's evaluation is).
            var (read, errors) = ActionPayloadReader.Read(document!.RootElement, evaluation ? LifecycleAction.Evaluate : LifecycleAction.SubmitAppraisal, name,
                CouncilDelivery.ActorRole, application, catalogue, now,
                e => e.Code is Domain.Lifecycle.Actions.Evaluate.ContradictsCouncil or Domain.Lifecycle.Actions.Evaluate.ExceedsCouncil);
            if (errors.Count > 0)
            {
                return ApiProblem.Validation(errors);
            }

            sheet = read!;
            if (evaluation && sheet.Positive == true && sheet.AmountVnd is null)
            {
                sheet = sheet with { AmountVnd = application.Lifecycle.Approval?.AmountVnd ?? 0 }; // passed without an amount: the approved one
            }
        }

        var rubric = catalogue.FindKind(application.Submission.SupportKindId) is { } kind ? catalogue.RubricFor(kind, UseOf(council)) : null;
        return await ChangedAsync(durable, member, await UpdateAsync(id, x => CouncilRules.Score(x, member, applicationId, sheet, rubric, now), cancellationToken),
            cancellationToken);
    }

    /// <summary>The secretary closes the session (meeting start and end); below the quorum: 409. Each result is then delivered to its file.</summary>
    public async Task<IResult> CloseAsync(HttpRequest request, string id, string member, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (await MemberAsync(request, id, member, cancellationToken) is not { } found)
        {
            return ApiProblem.NotFound("hội đồng");
        }

        // A call's files are appraised together after its close: the session cannot conclude on one still receiving
        // applications (the file's machine would refuse the result the same way).
        foreach (var file in found.Purpose == CouncilPurpose.Appraisal ? found.Applications : [])
        {
            if (await applications.FindAsync(file.ApplicationId, cancellationToken) is { } application
                && Domain.Calls.CallRules.AppraisalRefusal(application.Lifecycle, time.GetUtcNow()) is { } refusal)
            {
                return ApiProblem.Create(StatusCodes.Status409Conflict, Domain.Calls.CallErrorCodes.CallStillOpen, "Đợt tuyển chọn chưa hết hạn nhận hồ sơ",
                    $"{application.TrackingCode}: {refusal}");
            }
        }

        var (body, problem) = await TypedJsonBody.ReadAsync(request, CouncilBodyRules.Close, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (start, end) = (CouncilBodyRules.Instant(body!.MeetingStart), CouncilBodyRules.Instant(body.MeetingEnd));
        var now = time.GetUtcNow();
        var closed = await UpdateAsync(id, x => x.State == CouncilState.Closed && x.Member(member)?.Role == CouncilRole.Secretary
            ? ValidationResult<Council>.Ok(x) // closed already: deliver what is still undelivered (a retry)
            : CouncilRules.Close(x, member, start, end, a => RubricOf(x, a), catalogue.CouncilPolicy, now), cancellationToken);
        if (closed is { IsValid: true, Value: { } council })
        {
            (council, _) = await CouncilDelivery.DeliverAsync(council, councils, pending, durable, catalogue.CouncilPolicy, now, cancellationToken);
            closed = ValidationResult<Council>.Ok(council);
        }

        return await ChangedAsync(durable, member, closed, cancellationToken);
    }

    Rubric? RubricOf(Council council, CouncilApplication application) =>
        catalogue.FindKind(application.SupportKindId) is { } kind ? catalogue.RubricFor(kind, UseOf(council)) : null;

    /// <summary>An appraisal council scores against the kind's appraisal rubric, an evaluation council against its evaluation rubric.</summary>
    static RubricUse UseOf(Council council) => council.Purpose == CouncilPurpose.Evaluation ? RubricUse.Evaluation : RubricUse.Appraisal;

    /// <summary>
    /// A leader of the council's unit revokes one member's link and issues a new one (a new random nonce: the old token
    /// then opens nothing, 404 like any wrong token); recorded in the council's journal; the new link is e-mailed to the
    /// member (and answered to the leader, as at the founding).
    /// </summary>
    public async Task<IResult> RelinkAsync(HttpRequest request, string id, string member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.Unauthorized();
        }

        if (!ApiSafe(id) || member.Length > 8 || await councils.FindAsync(id, cancellationToken) is not { } found || !officer.Covers(found.Unit)
            || found.Member(member) is null)
        {
            return ApiProblem.NotFound("thành viên hội đồng");
        }

        if (!officer.IsIn(OfficerRoles.Leader))
        {
            return ApiProblem.Create(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
                "Lãnh đạo đơn vị thu hồi và cấp lại đường dẫn chấm phiếu của thành viên hội đồng.", extensions: new { requiredRole = OfficerRoles.Leader });
        }

        var now = time.GetUtcNow();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var hash = CouncilRules.HashToken(links.Token(id, member, nonce));
        var changed = await UpdateAsync(id, c => CouncilRules.Relink(c, member, nonce, hash, officer.Name, now), cancellationToken);
        if (changed is not { IsValid: true, Value: { } council })
        {
            return changed is null ? ApiProblem.NotFound("thành viên hội đồng") : ApiProblem.Validation(changed.Errors);
        }

        // The invitation again, with the new link (once per link: the occurrence is the new nonce's).
        var mail = new NotifyCouncilActivity(councils, links, notifications);
        var outcome = await mail.SendAsync(new CouncilNotice(id, NsclWorkflows.Domain.Notifications.NotificationEvent.CouncilMemberInvited, member,
            NotifyCouncilActivity.RelinkOccurrencePrefix + nonce[..12], now));
        var relinked = council.Member(member)!;
        return Results.Json(new
        {
            memberId = relinked.Id, relinked.FullName, role = CouncilRules.RoleName(relinked.Role), roleText = CouncilRules.RoleText(relinked.Role),
            memberPage = links.MemberPage(id, relinked.Id, nonce), mailed = outcome.Failures.Count == 0 && outcome.Sent + outcome.AlreadySent > 0,
        }, ApiJson.Options);
    }

    async Task<Council?> MemberAsync(HttpRequest request, string id, string member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Headers[AccessTokenHeader].ToString();
        if (token.Length == 0 || token.Length > 200 || request.Query.ContainsKey("access") || !ApiSafe(id) || member.Length > 8)
        {
            return null;
        }

        var council = await councils.FindAsync(id, cancellationToken);
        return council?.Member(member) is { } m && CouncilRules.TokenOpens(m, token) ? council : null;
    }

    async Task<ValidationResult<Council>?> UpdateAsync(string id, Func<Council, ValidationResult<Council>> change, CancellationToken cancellationToken)
    {
        try
        {
            return await councils.UpdateAsync(id, change, cancellationToken);
        }
        catch (CouncilContentionException)
        {
            return ValidationResult<Council>.Failed([new("state", "council_busy", "Nhiều thành viên cùng gửi phiếu lúc này; vui lòng gửi lại sau ít giây.")]);
        }
    }

    async Task<IResult> ChangedAsync(DurableTaskClient durable, string member, ValidationResult<Council>? result, CancellationToken cancellationToken)
    {
        if (result is { IsValid: true, Value: { } council })
        {
            await workflows.SignalAsync(durable, council, cancellationToken);
            return Results.Json(MemberView(council, member, await DossiersAsync(council, member, cancellationToken)), ApiJson.Options);
        }

        return result switch
        {
            null => ApiProblem.NotFound("hội đồng"),
            _ when result.Errors[0].Field is "state" or "declaration" or "quorum" => ApiProblem.Create(StatusCodes.Status409Conflict, result.Errors[0].Code,
                result.Errors[0].Code == CouncilRules.BelowQuorum ? "Hội đồng chưa đủ số thành viên để kết luận" : "Không thực hiện được", result.Errors[0].Message, result.Errors),
            _ when result.Errors[0].Field == "member" => ApiProblem.Create(StatusCodes.Status403Forbidden, result.Errors[0].Code, "Không có quyền thực hiện",
                result.Errors[0].Message, result.Errors),
            _ => ApiProblem.Validation(result.Errors),
        };
    }

    /// <summary>
    /// The files of the officer's unit named by tracking code (or id) that the council's purpose takes: awaiting appraisal,
    /// or (evaluation) their final report awaiting evaluation. Field errors for codes that name no such file; for an
    /// evaluation council, a file found in another step is answered apart (<c>Elsewhere</c>: the caller's 409).
    /// </summary>
    async Task<(List<CouncilApplication> Resolved, string? Unit, List<FieldError> Elsewhere)> ResolveAsync(Officer officer, List<string> codes, CouncilPurpose purpose,
        List<FieldError> errors, CancellationToken cancellationToken)
    {
        var units = officer.Unit.Length > 0 ? [officer.Unit] : officer.IsAdmin ? Units.All : [];
        // Appraisal: the appraisers' open tasks. Evaluation: any open task of the unit, so a file in another step is named as such.
        string[] roles = purpose == CouncilPurpose.Evaluation
            ? [OfficerRoles.Leader, OfficerRoles.Officer, OfficerRoles.Appraiser, OfficerRoles.Accountant]
            : [OfficerRoles.Appraiser];
        var scopes = units.SelectMany(u => roles.Select(r => new NsclWorkflows.Domain.Inbox.InboxScope(u, r))).ToList();
        var resolved = new List<CouncilApplication>();
        var elsewhere = new List<FieldError>();
        string? unit = null;
        for (var i = 0; i < codes.Count && i < CouncilRules.MaxApplications; i++)
        {
            var code = codes[i].Trim();
            var field = $"trackingCodes[{i.ToString(CultureInfo.InvariantCulture)}]";
            // The open tasks of the unit found by the code (the inbox's search), or an application id as it is.
            var found = scopes.Count == 0 || code.Length is 0 or > 40 || Domain.Text.SearchText.Query(code).Length == 0 ? null
                : await inbox.PageAsync(new NsclWorkflows.Domain.Inbox.InboxPageRequest(scopes,
                    new NsclWorkflows.Domain.Inbox.InboxFilter(null, null, null, false, code, time.GetUtcNow()), new Dictionary<string, string>(), 20), cancellationToken);
            var id = found?.Items.FirstOrDefault(w => string.Equals(w.TrackingCode, code, StringComparison.OrdinalIgnoreCase))?.ApplicationId
                ?? (ApplicationIds.IsWellFormed(code) ? code : null);
            var application = id is null ? null : await applications.FindAsync(id, cancellationToken);
            if (purpose == CouncilPurpose.Evaluation && application is not null && officer.Covers(application.Lifecycle.Unit) && !AwaitsEvaluation(application))
            {
                elsewhere.Add(new(field, CouncilRules.FileNotAwaitingEvaluation,
                    $"hồ sơ {application.TrackingCode} đang ở bước \"{Domain.Lifecycle.AwaitedStep.Name(application)}\""));
                continue;
            }

            var takes = purpose == CouncilPurpose.Evaluation ? application is not null && AwaitsEvaluation(application)
                : application?.Status == ApplicationStatus.UnderAppraisal;
            if (application is null || !takes || !officer.Covers(application.Lifecycle.Unit))
            {
                errors.Add(new(field, ErrorCodes.NotInList,
                    $"Không có hồ sơ mã \"{(code.Length > 40 ? code[..40] : code)}\" đang chờ {(purpose == CouncilPurpose.Evaluation ? "đánh giá, nghiệm thu" : "thẩm định")} tại đơn vị."));
                continue;
            }

            if (unit is not null && unit != application.Lifecycle.Unit)
            {
                errors.Add(new(field, "council_other_unit", "Các hồ sơ của một hội đồng thuộc cùng một đơn vị."));
                continue;
            }

            unit = application.Lifecycle.Unit;
            if (resolved.All(r => r.ApplicationId != application.Id))
            {
                resolved.Add(new CouncilApplication(application.Id, application.TrackingCode, application.Submission.EnterpriseName, application.Submission.Title,
                    application.Submission.SupportKindId, application.Submission.RequestedAmountVnd)
                {
                    // An evaluation's recommendation is bounded by the approved amount; an appraisal's by the cap.
                    CapVnd = purpose == CouncilPurpose.Evaluation ? application.Lifecycle.Approval?.AmountVnd : ActionPayloadReader.CapOf(application, catalogue),
                });
            }
        }

        return (resolved, unit, elsewhere);
    }

    /// <summary>Whether the file's final report awaits evaluation (the step that takes an evaluation council's verdict).</summary>
    static bool AwaitsEvaluation(Application application) =>
        StatusTable.WaitOf(application)?.Actions.Contains(LifecycleAction.RecordCouncilEvaluation) == true;

    static bool ApiSafe(string id) => id.Length is > 3 and < 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    static object RubricView(Rubric? rubric) => rubric is null ? null! : new
    {
        rubric.Id, rubric.Name, rubric.PassTotal, rubric.MaxTotal,
        criteria = rubric.Criteria.Select(c => new { c.Id, c.Name, c.MaxScore, c.Weight, c.Mandatory, c.MinScore }),
    };

    object View(Council council)
    {
        var policy = catalogue.CouncilPolicy;
        return new
        {
            council.Id, council.Unit, purpose = CouncilRules.PurposeName(council.Purpose), council.Name, council.CallId,
            decision = new { council.Decision.Number, council.Decision.SignedOn, council.Decision.SignerName, council.Decision.SignerTitle },
            council.SessionDueDate, state = council.State.ToString(), council.OverdueAtUtc, council.MeetingStartUtc, council.MeetingEndUtc, council.ClosedBy,
            council.CreatedBy, council.CreatedAtUtc, quorum = CouncilRules.Quorum(council, policy), minimumMembers = policy.MinimumMembers,
            policySource = "department-default",
            members = council.Members.Select(m => new
            {
                m.Id, m.FullName, m.Title, m.Organisation, m.Email, role = CouncilRules.RoleName(m.Role), roleText = CouncilRules.RoleText(m.Role),
                declaration = m.Declaration, m.MailedAtUtc, m.RemindedAtUtc, m.EscalatedAtUtc,
                sheets = m.Sheets.Select(s => new { s.ApplicationId, total = s.Scores.Sum(x => x.Score), s.RecommendsSupport, s.RecommendedAmountVnd, s.AtUtc, s.Scores, s.Comment }),
            }),
            applications = council.Applications.Select(a => new
            {
                a.ApplicationId, a.TrackingCode, a.EnterpriseName, a.Title, a.SupportKindId, a.RequestedAmountVnd,
                counted = CouncilRules.Counted(council, a.ApplicationId).Count, quorumMet = CouncilRules.QuorumProblem(council, a, policy) is null,
                result = a.Result is { } r ? new { passed = r.Outcome?.Passed, total = r.Outcome?.Total, maxTotal = r.Outcome?.MaxTotal, r.RecommendedAmountVnd, counted = r.CountedMemberIds.Count } : null,
                a.DeliveredAtUtc,
            }),
            pendingMembers = CouncilRules.Pending(council).Select(m => m.Id),
            journal = council.Journal,
        };
    }

    object MemberView(Council council, string memberId, IReadOnlyDictionary<string, object>? dossiers = null)
    {
        var member = council.Member(memberId)!;
        var secretary = member.Role == CouncilRole.Secretary;
        var policy = catalogue.CouncilPolicy;
        return new
        {
            councilId = council.Id, council.Name, purpose = CouncilRules.PurposeName(council.Purpose), decision = new { council.Decision.Number, council.Decision.SignedOn, council.Decision.SignerName, council.Decision.SignerTitle },
            council.SessionDueDate, state = council.State.ToString(), council.MeetingStartUtc, council.MeetingEndUtc,
            member = new { member.Id, member.FullName, member.Title, member.Organisation, role = CouncilRules.RoleName(member.Role), roleText = CouncilRules.RoleText(member.Role), isSecretary = secretary },
            declaration = member.Declaration,
            applications = council.Applications.Select(a => new
            {
                a.ApplicationId, a.TrackingCode, a.EnterpriseName, a.Title, a.RequestedAmountVnd, capVnd = a.CapVnd,
                rubric = RubricView(RubricOf(council, a)), mayScore = member.MayScore(a.ApplicationId), recused = member.RecusedFrom(a.ApplicationId),
                sheet = member.SheetFor(a.ApplicationId),
                dossier = dossiers?.GetValueOrDefault(a.ApplicationId),
            }),
            canClose = secretary && council.State == CouncilState.Open,
            progress = secretary ? new
            {
                quorum = CouncilRules.Quorum(council, policy), membersCount = council.Members.Count,
                members = council.Members.Select(m => new
                {
                    m.FullName, roleText = CouncilRules.RoleText(m.Role), declared = m.Declaration is not null, recused = m.Declaration?.HasConflict == true,
                    scored = m.Sheets.Count,
                }),
                applications = council.Applications.Select(a => new
                {
                    a.TrackingCode, counted = CouncilRules.Counted(council, a.ApplicationId).Count, problem = CouncilRules.QuorumProblem(council, a, policy),
                    result = a.Result is { } r ? new { passed = r.Outcome?.Passed, total = r.Outcome?.Total, r.RecommendedAmountVnd } : null,
                    delivered = a.DeliveredAtUtc is not null,
                }),
            } : null,
        };
    }
}
