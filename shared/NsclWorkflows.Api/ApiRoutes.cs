namespace NsclWorkflows.Api;

/// <summary>
/// Every HTTP endpoint of the system: its function name, method and route (under <c>/api/</c>). The Functions app's
/// triggers use these constants, the standalone host maps <see cref="All"/>, and a test compares the two.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Health = "health";
    public const string Applications = "applications";
    public const string Application = "applications/{id}";
    public const string ApplicationAction = "applications/{id}/actions/{action}";
    public const string ApplicationHistory = "applications/{id}/history";
    public const string ApplicationAccessLink = "applications/{id}/access-link";
    public const string ApplicationNotifications = "applications/{id}/notifications";
    public const string ApplicationAttachments = "applications/{id}/attachments";
    public const string ApplicationAttachment = "applications/{id}/attachments/{name}";
    public const string Inbox = "inbox";
    public const string Budget = "budget";
    public const string BudgetAllocations = "budget/allocations";
    public const string Targets = "targets";
    public const string TargetValues = "targets/{targetId}/values";
    public const string Catalogue = "catalogue";
    public const string CatalogueValidation = "catalogue/validation";
    public const string YearEndReport = "reports/year-end/{year}";
    public const string ApplicationDocuments = "applications/{id}/documents";
    public const string ApplicationDocument = "applications/{id}/documents/{kind}";
    public const string WorkflowOperations = "operations/workflows";
    public const string WorkflowResume = "operations/workflows/{instanceId}/resume";
    public const string Me = "me";
    public const string Activities = "activities";
    public const string Activity = "activities/{id}";
    public const string ActivitySpending = "activities/{id}/spending";
    public const string ActivityOutputs = "activities/{id}/outputs";
    public const string ActivityClose = "activities/{id}/close";
    public const string ActivityCancel = "activities/{id}/cancel";
    public const string ExportApplications = "exports/applications";
    public const string ExportEnterprises = "exports/enterprises";
    public const string ExportLedger = "exports/ledger";
    public const string ExportLedgerMovements = "exports/ledger/movements";
    public const string ExportActivities = "exports/activities";
    public const string ExportApplicationHistory = "exports/applications/{id}/history";
    public const string NationalFeed = "feeds/national/v1";
    public const string ReportRuns = "report-runs";
    public const string ReportRun = "report-runs/{id}";
    public const string ReportRunUnit = "report-runs/{id}/units/{unit}";
    public const string ReportRunCloseInput = "report-runs/{id}/close-input";
    public const string ReportRunNarrative = "report-runs/{id}/narrative";
    public const string ReportRunSubmit = "report-runs/{id}/submit";
    public const string ReportRunDecision = "report-runs/{id}/decision";
    public const string ReportRunReport = "report-runs/{id}/report";
    public const string ReportRunSignedCopy = "report-runs/{id}/signed-copy";
    public const string Decisions = "decisions";
    public const string Councils = "councils";
    public const string Council = "councils/{id}";
    public const string CouncilMember = "councils/{id}/members/{member}";
    public const string CouncilMemberDeclaration = "councils/{id}/members/{member}/declaration";
    public const string CouncilMemberSheet = "councils/{id}/members/{member}/sheets/{application}";
    public const string CouncilMemberClose = "councils/{id}/members/{member}/close";
    public const string CouncilMemberLink = "councils/{id}/members/{member}/link";
    public const string CouncilMemberDocument = "councils/{id}/members/{member}/applications/{application}/documents/{name}";
    public const string Calls = "calls";
    public const string OpenCalls = "calls/open";
    public const string Call = "calls/{id}";
    public const string CallFinalise = "calls/{id}/finalise";
    public const string Assignments = "assignments";

    public static readonly IReadOnlyList<ApiEndpoint> All =
    [
        new("Health", "GET", Health),
        new("SubmitApplication", "POST", Applications),
        new("GetApplication", "GET", Application),
        new("ApplicationAction", "POST", ApplicationAction),
        new("GetApplicationHistory", "GET", ApplicationHistory),
        new("RotateAccessLink", "POST", ApplicationAccessLink),
        new("GetApplicationNotifications", "GET", ApplicationNotifications),
        new("UploadAttachment", "POST", ApplicationAttachments),
        new("ListAttachments", "GET", ApplicationAttachments),
        new("DownloadAttachment", "GET", ApplicationAttachment),
        new("GetInbox", "GET", Inbox),
        new("GetBudget", "GET", Budget),
        new("ListBudgetAllocations", "GET", BudgetAllocations),
        new("RecordBudgetAllocation", "POST", BudgetAllocations),
        new("GetTargets", "GET", Targets),
        new("RecordTargetValue", "POST", TargetValues),
        new("ListTargetValues", "GET", TargetValues),
        new("GetCatalogue", "GET", Catalogue),
        new("GetCatalogueValidation", "GET", CatalogueValidation),
        new("StartYearEndReport", "POST", YearEndReport),
        new("GetYearEndReport", "GET", YearEndReport),
        new("ListApplicationDocuments", "GET", ApplicationDocuments),
        new("GetApplicationDocument", "GET", ApplicationDocument),
        new("ListWorkflowProblems", "GET", WorkflowOperations),
        new("ResumeWorkflow", "POST", WorkflowResume),
        new("GetMe", "GET", Me),
        new("PlanActivity", "POST", Activities),
        new("ListActivities", "GET", Activities),
        new("GetActivity", "GET", Activity),
        new("RecordActivitySpending", "POST", ActivitySpending),
        new("RecordActivityOutput", "POST", ActivityOutputs),
        new("CloseActivity", "POST", ActivityClose),
        new("CancelActivity", "POST", ActivityCancel),
        new("ExportApplications", "GET", ExportApplications),
        new("ExportEnterprises", "GET", ExportEnterprises),
        new("ExportLedger", "GET", ExportLedger),
        new("ExportLedgerMovements", "GET", ExportLedgerMovements),
        new("ExportActivities", "GET", ExportActivities),
        new("ExportApplicationHistory", "GET", ExportApplicationHistory),
        new("GetNationalFeed", "GET", NationalFeed),
        new("OpenReportRun", "POST", ReportRuns),
        new("ListReportRuns", "GET", ReportRuns),
        new("GetReportRun", "GET", ReportRun),
        new("GetReportRunUnitInput", "GET", ReportRunUnit),
        new("SubmitReportRunUnitInput", "POST", ReportRunUnit),
        new("CloseReportRunInput", "POST", ReportRunCloseInput),
        new("SaveReportRunNarrative", "POST", ReportRunNarrative),
        new("SubmitReportRun", "POST", ReportRunSubmit),
        new("DecideReportRun", "POST", ReportRunDecision),
        new("GetReportRunReport", "GET", ReportRunReport),
        new("UploadReportRunSignedCopy", "POST", ReportRunSignedCopy),
        new("ListDecisions", "GET", Decisions),
        new("FoundCouncil", "POST", Councils),
        new("ListCouncils", "GET", Councils),
        new("GetCouncil", "GET", Council),
        new("GetCouncilMember", "GET", CouncilMember),
        new("DeclareCouncilConflict", "POST", CouncilMemberDeclaration),
        new("SubmitCouncilSheet", "POST", CouncilMemberSheet),
        new("CloseCouncilSession", "POST", CouncilMemberClose),
        new("OpenCall", "POST", Calls),
        new("ListCalls", "GET", Calls),
        new("ListOpenCalls", "GET", OpenCalls),
        new("GetCall", "GET", Call),
        new("FinaliseCall", "POST", CallFinalise),
        new("CreateAssignment", "POST", Assignments),
        new("ReissueCouncilMemberLink", "POST", CouncilMemberLink),
        new("DownloadCouncilMemberDocument", "GET", CouncilMemberDocument),
    ];
}

/// <summary>One endpoint: the Functions function name, HTTP method and route template (without the /api prefix).</summary>
public sealed record ApiEndpoint(string Name, string Method, string Route);
