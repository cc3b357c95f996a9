using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Api.Calls;

/// <summary>
/// <c>POST /api/assignments</c>: an Officer of the kind's unit orders a task from a named enterprise, or assigns it
/// directly (đặt hàng, giao trực tiếp): <c>{ "selection": "order" | "direct-assignment", "application": { the form's
/// fields } }</c>, checked as a submission is (422 field errors). The file is stored as the enterprise's, its workflow
/// started: at receipt it waits for the enterprise (status <c>AwaitingEnterpriseConfirmation</c>), which is e-mailed its
/// access link and confirms (<c>confirm-assignment</c>); then it is appraised as any file. The officer never gets the
/// enterprise's token: 201 with the ids only. Checked in order: signed in 401, Officer 403, the body 415/400/422, the
/// unit 403 <c>forbidden_unit</c>.
/// </summary>
public sealed class AssignmentsHandler(SubmissionValidator validator, ProgrammeCatalogue catalogue, IApplicationRepository applications, DeadlinePlanner deadlines,
    AccessTokens accessTokens, OfficerAuthenticator officers, TimeProvider time, Workflows.Common.WorkflowTiming timing)
{
    public async Task<Results<ApiCreated<AssignmentCreated>, ProblemHttpResult>> CreateAsync(HttpRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        if (!officer.IsIn(OfficerRoles.Officer))
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_role", "Không có quyền thực hiện",
                "Đặt hàng, giao trực tiếp nhiệm vụ cần vai trò Officer (cán bộ của đơn vị chủ trì).", extensions: new { requiredRole = OfficerRoles.Officer });
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ApplicationSubmission submission;
        using (document)
        {
            var errors = new List<FieldError>();
            // { selection, application }: the application is read as a submission is (strictly, its own rules).
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document!.RootElement.EnumerateObject())
            {
                if (property.Name is "selection" or "application")
                {
                    fields[property.Name] = property.Value;
                }
                else
                {
                    errors.Add(new(property.Name, ErrorCodes.UnknownField, $"Trường \"{property.Name}\" không được hỗ trợ; các trường: selection, application."));
                }
            }

            string? selection = null;
            if (errors.Count == 0 && fields.TryGetValue("selection", out var chosen) && chosen.ValueKind != JsonValueKind.Null)
            {
                if (chosen.ValueKind == JsonValueKind.String)
                {
                    selection = chosen.GetString();
                }
                else
                {
                    errors.Add(new("selection", ErrorCodes.WrongType, "Giá trị phải là một chuỗi văn bản hợp lệ."));
                }
            }

            if (errors.Count == 0 && (selection is null || !Selections.All.Contains(selection, StringComparer.Ordinal)))
            {
                errors.Add(new("selection", ErrorCodes.NotInList, "Vui lòng chọn hình thức: đặt hàng (order) hoặc giao trực tiếp (direct-assignment)."));
            }

            if (errors.Count == 0 && (!fields.TryGetValue("application", out var body) || body.ValueKind != JsonValueKind.Object))
            {
                errors.Add(new("application", ErrorCodes.Required, "Vui lòng nêu thông tin doanh nghiệp và nhiệm vụ (như mẫu hồ sơ)."));
            }

            if (errors.Count > 0)
            {
                return ApiProblem.ValidationProblem(errors);
            }

            var (draft, typeErrors, refused) = SubmissionJsonReader.Read(fields["application"]);
            var validated = validator.Validate(draft);
            errors.AddRange(typeErrors.Concat(validated.Errors.Besides(refused)));
            if (errors.Count == 0 && validated.Value!.CallId is not null)
            {
                errors.Add(new(SubmissionFields.CallId, ErrorCodes.OutOfRange, "Nhiệm vụ đặt hàng, giao trực tiếp không thuộc đợt tuyển chọn."));
            }

            if (errors.Count > 0)
            {
                return ApiProblem.ValidationProblem(errors);
            }

            submission = validated.Value! with { Selection = selection };
        }

        var kind = catalogue.FindKind(submission.SupportKindId)!;
        var unit = Units.ForLine(catalogue.Programme, kind.BudgetLineId);
        if (!officer.Covers(unit))
        {
            return ApiProblem.Problem(StatusCodes.Status403Forbidden, "forbidden_unit", "Không có quyền thực hiện",
                $"Nội dung \"{kind.Name}\" do {Units.Name(unit)} chủ trì; chỉ cán bộ của đơn vị này đặt hàng, giao nhiệm vụ thuộc nội dung.", extensions: new { unit });
        }

        var now = time.GetUtcNow();
        var application = new Application(ApplicationIds.FromRandom(RandomNumberGenerator.GetBytes(16)),
            TrackingCode.Create(now.ToOffset(DeadlinePlanner.VietnamOffset).Year, RandomNumberGenerator.GetBytes(4)), submission, catalogue.Version, now,
            deadlines.WorkingDaysFrom(now, kind.Policy.CompletenessReviewWorkingDays));
        application.RouteTo(catalogue, kind);
        _ = accessTokens.Issue(application); // the enterprise's link: e-mailed at receipt, never answered here
        var first = new AuditEntry(application.Id, now, AuditKinds.Assigned, officer.Name,
            $"Sở {Selections.Vietnamese(submission.Selection)} nhiệm vụ \"{submission.Title}\" ({kind.Name}) cho {submission.EnterpriseName}.") { Role = OfficerRoles.Officer };
        await applications.TryAddAsync(application, first, cancellationToken);
        await Workflows.Common.DurableStart.StartIfAbsentAsync(durable, nameof(Workflows.Lifecycle.ApplicationWorkflow), ApplicationIds.WorkflowInstanceId(application.Id),
            new Workflows.Lifecycle.ApplicationWorkflowInput(application.Id) { StepsPerExecution = timing.StepsPerExecution }, cancellationToken);
        return ApiResults.Created(new AssignmentCreated(application.Id, application.TrackingCode, submission.Selection!,
            $"/{ApiRoutes.Prefix}/{ApiRoutes.Applications}/{application.Id}"));
    }
}

/// <summary>A task ordered or assigned: its ids (the enterprise's link goes to the enterprise only, by e-mail).</summary>
public sealed record AssignmentCreated(string ApplicationId, string TrackingCode, string Selection, string StatusUrl);

/// <summary>The body of <c>POST /api/assignments</c> (for the OpenAPI document; the handler reads the JSON itself).</summary>
/// <param name="Selection"><c>order</c> (đặt hàng) or <c>direct-assignment</c> (giao trực tiếp).</param>
/// <param name="Application">The enterprise's particulars and the task, as the application form's fields.</param>
public sealed record AssignmentBody(string? Selection, SubmissionDraft? Application);
