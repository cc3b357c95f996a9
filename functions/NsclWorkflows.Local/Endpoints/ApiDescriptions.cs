using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Activities;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Budget;
using NsclWorkflows.Api.Catalogue;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Local.Endpoints;

/// <summary>
/// What the OpenAPI document says of each endpoint beyond what its handler's typed results say: tag, summary, who may
/// call it, its request body (bodies are read by the API's own strict reader, <c>JsonRequestBody</c>, for its
/// Vietnamese field errors, so the type is declared here), and the problem responses it gives. Applied to the
/// <c>/api</c> group by endpoint name (<see cref="ApiRoutes.All"/>); an endpoint without an entry is still in the
/// document, under its route's first segment.
/// </summary>
public static class ApiDescriptions
{
    const string Json = "application/json";
    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Problems every JSON body can meet: unreadable JSON, too large, not JSON, field errors.</summary>
    static readonly int[] JsonBody = [400, 413, 415, 422];

    static readonly Dictionary<string, Description> ByName = new(StringComparer.Ordinal)
    {
        ["Health"] = new("Hệ thống / System", "Tình trạng hệ thống / Health of storage and the durable backend (503 when one does not answer)", ApiCaller.Anyone,
            Responses: [new(200, typeof(NsclWorkflows.Api.Health.HealthView), Json), new(503, typeof(NsclWorkflows.Api.Health.HealthView), Json)]),
        ["SubmitApplication"] = new("Hồ sơ / Applications", "Nộp hồ sơ đề nghị hỗ trợ / Submit an application (header Idempotency-Key for safe retries)", ApiCaller.Anyone,
            Body: typeof(SubmissionDraft), Problems: [.. JsonBody, 429]),
        ["GetApplication"] = new("Hồ sơ / Applications", "Xem hồ sơ / An application as the caller may see it", ApiCaller.EnterpriseOrOfficer,
            Problems: [400, 404, 429], Responses: [new(200, typeof(ApplicationView), Json)]),
        ["ApplicationAction"] = new("Hồ sơ / Applications", "Thao tác trên hồ sơ / An action on an application (body by action; 409 with the allowed actions)", ApiCaller.EnterpriseOrOfficer,
            Body: typeof(JsonObject), Problems: [.. JsonBody, 403, 404, 409, 412, 429]),
        ["GetApplicationHistory"] = new("Hồ sơ / Applications", "Lịch sử xử lý / The application's audit trail", ApiCaller.EnterpriseOrOfficer,
            Problems: [404]),
        ["RotateAccessLink"] = new("Hồ sơ / Applications", "Cấp lại đường liên kết / Revoke the enterprise's link and issue the next", ApiCaller.Officer,
            Problems: [403, 404]),
        ["GetApplicationNotifications"] = new("Hồ sơ / Applications", "Thư đã gửi / E-mails sent about the application", ApiCaller.Officer,
            Problems: [401, 404]),
        ["UploadAttachment"] = new("Tài liệu đính kèm / Attachments", "Đính kèm tệp (PDF, DOCX, JPG, PNG; header X-File-Name) / Upload an attachment", ApiCaller.EnterpriseOrOfficer,
            Body: typeof(Stream), BodyContentTypes: ["application/octet-stream", "application/pdf", Docx, "image/jpeg", "image/png"],
            Problems: [400, 404, 409, 413, 415, 422, 429]),
        ["ListAttachments"] = new("Tài liệu đính kèm / Attachments", "Danh sách tệp đính kèm / The application's attachments", ApiCaller.EnterpriseOrOfficer,
            Problems: [404]),
        ["DownloadAttachment"] = new("Tài liệu đính kèm / Attachments", "Tải tệp đính kèm / Download an attachment", ApiCaller.EnterpriseOrOfficer,
            Problems: [404], Responses: [new(200, typeof(Stream), "application/octet-stream")]),
        ["GetInbox"] = new("Cán bộ / Officers", "Việc cần xử lý / Open tasks of my roles (filters: step, line, year)", ApiCaller.Officer,
            Problems: [400, 401]),
        ["GetBudget"] = new("Ngân sách / Budget", "Kinh phí theo mục chi / Budget by line and year", ApiCaller.Officer,
            Problems: [401, 422]),
        ["ListBudgetAllocations"] = new("Ngân sách / Budget", "Dự toán được giao / Allocations and transfers recorded", ApiCaller.Officer,
            Problems: [401, 422]),
        ["RecordBudgetAllocation"] = new("Ngân sách / Budget", "Ghi nhận dự toán hoặc điều chuyển / Record an allocation or a transfer (Admin)", ApiCaller.Officer,
            Body: typeof(AllocationBody), Problems: [.. JsonBody, 401, 403, 409]),
        ["GetTargets"] = new("Chỉ tiêu / Targets", "Chỉ tiêu của Chương trình / The programme's targets and progress", ApiCaller.Officer,
            Problems: [401, 422]),
        ["RecordTargetValue"] = new("Chỉ tiêu / Targets", "Ghi nhận số liệu chỉ tiêu / Record an indicator value", ApiCaller.Officer,
            Body: typeof(IndicatorValueInput), Problems: [.. JsonBody, 401, 403, 404]),
        ["ListTargetValues"] = new("Chỉ tiêu / Targets", "Số liệu đã ghi nhận / A target's recorded values", ApiCaller.Officer,
            Problems: [401, 404]),
        ["GetCatalogue"] = new("Danh mục / Catalogue", "Danh mục nội dung hỗ trợ / The catalogue in force (public)", ApiCaller.Anyone),
        ["GetCatalogueValidation"] = new("Danh mục / Catalogue", "Kết quả kiểm tra danh mục / The catalogue's validation report", ApiCaller.Officer,
            Problems: [401]),
        ["StartYearEndReport"] = new("Báo cáo / Reports", "Lập báo cáo cuối năm / Start the year-end report", ApiCaller.Officer,
            Problems: [401, 403, 422]),
        ["GetYearEndReport"] = new("Báo cáo / Reports", "Tải báo cáo cuối năm / The year-end report (?version=N)", ApiCaller.Officer,
            Problems: [401, 404], Responses: [new(200, typeof(Stream), Docx)]),
        ["ListApplicationDocuments"] = new("Văn bản / Documents", "Văn bản đã ban hành / Documents issued for the application", ApiCaller.EnterpriseOrOfficer,
            Problems: [404]),
        ["GetApplicationDocument"] = new("Văn bản / Documents", "Tải văn bản / Download a document (?version=N)", ApiCaller.EnterpriseOrOfficer,
            Problems: [404], Responses: [new(200, typeof(Stream), Docx)]),
        ["ListWorkflowProblems"] = new("Hệ thống / System", "Quy trình gặp sự cố / Workflows not running as they should (Admin)", ApiCaller.Officer,
            Problems: [401, 403]),
        ["ResumeWorkflow"] = new("Hệ thống / System", "Khởi động lại quy trình đã dừng / Resume a stopped application workflow from the stored state (Admin)",
            ApiCaller.Officer, Problems: [401, 403, 404, 409]),
        ["GetMe"] = new("Cán bộ / Officers", "Người đang đăng nhập / Who is signed in, and how officers sign in here", ApiCaller.Anyone),
        ["PlanActivity"] = new("Hoạt động / Activities", "Lập kế hoạch hoạt động / Plan a programme activity", ApiCaller.Officer,
            Body: typeof(ActivityPlanRequest), Problems: [.. JsonBody, 401, 403, 409]),
        ["ListActivities"] = new("Hoạt động / Activities", "Danh sách hoạt động / Programme activities (?year=)", ApiCaller.Officer,
            Problems: [401, 422]),
        ["GetActivity"] = new("Hoạt động / Activities", "Xem hoạt động / One programme activity", ApiCaller.Officer,
            Problems: [401, 404]),
        ["RecordActivitySpending"] = new("Hoạt động / Activities", "Ghi nhận chi / Record spending on an activity", ApiCaller.Officer,
            Body: typeof(ActivitySpendingRequest), Problems: [.. JsonBody, 401, 403, 404, 409]),
        ["RecordActivityOutput"] = new("Hoạt động / Activities", "Ghi nhận kết quả / Record an activity's output", ApiCaller.Officer,
            Body: typeof(ActivityOutputBody), Problems: [.. JsonBody, 401, 403, 404, 409]),
        ["CloseActivity"] = new("Hoạt động / Activities", "Kết thúc hoạt động / Close an activity", ApiCaller.Officer,
            Body: typeof(ActivityCloseRequest), Problems: [.. JsonBody, 401, 403, 404, 409]),
        ["CancelActivity"] = new("Hoạt động / Activities", "Hủy hoạt động / Cancel an activity", ApiCaller.Officer,
            Body: typeof(ActivityCancelRequest), Problems: [.. JsonBody, 401, 403, 404, 409]),
        ["ListDecisions"] = new("Hồ sơ / Applications", "Sổ quyết định / The year's decision register (numbers, dates, signers)", ApiCaller.Officer,
            Problems: [401, 422]),
        ["OpenReportRun"] = new("Báo cáo / Reports", "Mở báo cáo định kỳ, đột xuất / Open a report run (lead units asked get their links)", ApiCaller.Officer,
            Body: typeof(ReportRunRequest), Problems: [.. JsonBody, 401, 403]),
        ["ListReportRuns"] = new("Báo cáo / Reports", "Danh sách báo cáo / Report runs", ApiCaller.Officer, Problems: [401]),
        ["GetReportRun"] = new("Báo cáo / Reports", "Xem báo cáo / One report run with its steps and journal", ApiCaller.Officer, Problems: [401, 404]),
        ["GetReportRunUnitInput"] = new("Báo cáo / Reports", "Phần của đơn vị chủ trì / A lead unit's part of a run (its link)", ApiCaller.LinkHolder,
            Problems: [404]),
        ["SubmitReportRunUnitInput"] = new("Báo cáo / Reports", "Đơn vị chủ trì gửi số liệu / A lead unit sends its figures and assessment", ApiCaller.LinkHolder,
            Body: typeof(LeadUnitInputBody), Problems: [.. JsonBody, 404, 409]),
        ["CloseReportRunInput"] = new("Báo cáo / Reports", "Thôi chờ đơn vị chủ trì / Stop waiting for lead units", ApiCaller.Officer,
            Problems: [401, 403, 404, 409]),
        ["SaveReportRunNarrative"] = new("Báo cáo / Reports", "Lưu nội dung báo cáo / Save the narrative (revision: one editor at a time)", ApiCaller.Officer,
            Body: typeof(ReportNarrativeBody), Problems: [.. JsonBody, 401, 403, 404, 409]),
        ["SubmitReportRun"] = new("Báo cáo / Reports", "Trình lãnh đạo duyệt / Submit the narrative for approval", ApiCaller.Officer,
            Problems: [401, 403, 404, 409]),
        ["DecideReportRun"] = new("Báo cáo / Reports", "Lãnh đạo duyệt hoặc trả lại / A leader approves (the Word report is built) or returns it", ApiCaller.Officer,
            Body: typeof(ReportRunDecisionBody), Problems: [.. JsonBody, 401, 403, 404, 409]),
        ["GetReportRunReport"] = new("Báo cáo / Reports", "Tải văn bản báo cáo / The report (?signed=true: the signed copy)", ApiCaller.Officer,
            Problems: [401, 404], Responses: [new(200, typeof(Stream), Docx)]),
        ["UploadReportRunSignedCopy"] = new("Báo cáo / Reports", "Tải lên bản có chữ ký / Upload the signed copy (PDF, raw body)", ApiCaller.Officer,
            BodyContentTypes: ["application/pdf"], Problems: [401, 403, 404, 409, 413, 422]),
        ["ExportApplications"] = new("Xuất dữ liệu / Exports", "Danh sách hồ sơ / Applications (?format=xlsx|csv; the inbox's filters)", ApiCaller.Officer,
            Problems: [400, 401, 422]),
        ["ExportEnterprises"] = new("Xuất dữ liệu / Exports", "Doanh nghiệp được hỗ trợ / Enterprises supported (?format=xlsx|csv)", ApiCaller.Officer,
            Problems: [400, 401, 422]),
        ["ExportLedger"] = new("Xuất dữ liệu / Exports", "Sổ kinh phí / Ledger balances per item and year (?format=xlsx|csv)", ApiCaller.Officer,
            Problems: [400, 401, 422]),
        ["ExportLedgerMovements"] = new("Xuất dữ liệu / Exports", "Bút toán sổ kinh phí / Ledger movements (?format=xlsx|csv)", ApiCaller.Officer,
            Problems: [400, 401, 422]),
        ["ExportActivities"] = new("Xuất dữ liệu / Exports", "Hoạt động và kết quả / Activities and outputs (?format=xlsx|csv)", ApiCaller.Officer,
            Problems: [400, 401, 422]),
        ["ExportApplicationHistory"] = new("Xuất dữ liệu / Exports", "Lịch sử một hồ sơ / One application's audit trail (?format=xlsx|csv)", ApiCaller.Officer,
            Problems: [400, 401, 404, 422]),
        ["GetNationalFeed"] = new("Xuất dữ liệu / Exports", "Dữ liệu gửi cơ sở dữ liệu quốc gia / National NSCL database feed v1 (JSON Schema in the repo)", ApiCaller.Officer,
            Problems: [400, 401, 422]),
        ["OpenCall"] = new("Đợt tuyển chọn / Calls", "Mở đợt tuyển chọn / Open a call for applications (Leader; reserves its envelope)", ApiCaller.Officer,
            Body: typeof(NsclWorkflows.Api.Calls.CallOpenBody), Problems: [.. JsonBody, 401, 403, 409]),
        ["ListCalls"] = new("Đợt tuyển chọn / Calls", "Danh sách đợt tuyển chọn / Calls of my units with their money", ApiCaller.Officer,
            Problems: [401]),
        ["ListOpenCalls"] = new("Đợt tuyển chọn / Calls", "Đợt đang nhận hồ sơ / Calls receiving applications now (public)", ApiCaller.Anyone),
        ["GetCall"] = new("Đợt tuyển chọn / Calls", "Xem đợt tuyển chọn / One call, its applications and (after the close) their ranking", ApiCaller.Officer,
            Problems: [401, 404]),
        ["FinaliseCall"] = new("Đợt tuyển chọn / Calls", "Kết thúc đợt tuyển chọn / Finalise a closed call (Leader; releases the envelope's rest)", ApiCaller.Officer,
            Body: typeof(NsclWorkflows.Api.Calls.CallFinaliseBody), Problems: [.. JsonBody, 401, 403, 404, 409]),
        ["CreateAssignment"] = new("Đợt tuyển chọn / Calls", "Đặt hàng, giao trực tiếp nhiệm vụ / Order a task from, or assign it to, a named enterprise (Officer)", ApiCaller.Officer,
            Body: typeof(NsclWorkflows.Api.Calls.AssignmentBody), Problems: [.. JsonBody, 401, 403]),
    };

    /// <summary>Adds the description of each endpoint of the group (after its own conventions: its name is known).</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        if (name is null || !ByName.TryGetValue(name, out var description))
        {
            return;
        }

        var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
        endpoint.Metadata.Add(new TagsAttribute(description.Tag));
        endpoint.Metadata.Add(new EndpointSummaryAttribute(description.Summary));
        endpoint.Metadata.Add(new ApiCallers(description.Callers));
        if (description.Body is { } body)
        {
            endpoint.Metadata.Add(new AcceptsMetadata(description.BodyContentTypes ?? [Json], body));
        }

        // What typed results already declare stays as they declare it.
        foreach (var response in (description.Responses ?? []).Where(r => !declared.Contains(r.Status)))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(response.Status, response.Type, [response.ContentType]));
        }

        var problems = (description.Problems ?? []).Append(StatusCodes.Status500InternalServerError);
        if (description.Callers == ApiCaller.Officer)
        {
            problems = problems.Append(StatusCodes.Status401Unauthorized);
        }

        foreach (var status in problems.Distinct().Where(s => !declared.Contains(s)).Order())
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }

    /// <summary>One endpoint's description.</summary>
    sealed record Description(
        string Tag,
        string Summary,
        ApiCaller Callers,
        Type? Body = null,
        string[]? BodyContentTypes = null,
        int[]? Problems = null,
        Response[]? Responses = null);

    sealed record Response(int Status, Type? Type, string ContentType);
}
