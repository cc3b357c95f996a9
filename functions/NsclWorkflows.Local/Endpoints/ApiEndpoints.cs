using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Catalogue;
using NsclWorkflows.Api.Documents;
using NsclWorkflows.Api.Health;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Api.Reports;

namespace NsclWorkflows.Local.Endpoints;

/// <summary>Maps <see cref="ApiRoutes.All"/> onto the shared handlers, under <c>/api</c>, as the Functions app does.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapNsclApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        api.AddEndpointFilter(async (context, next) => AccessTokenInQuery.Refusal(context.HttpContext.Request) ?? await next(context));
        ((IEndpointConventionBuilder)api).Finally(ApiDescriptions.Apply); // the OpenAPI document's tags, summaries, callers, bodies and problems

        api.MapGet(ApiRoutes.Health, (HealthHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.HandleAsync(durable, ct)).WithName("Health");

        api.MapPost(ApiRoutes.Applications, (HttpRequest request, SubmitApplicationHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.HandleAsync(request, durable, ct)).WithName("SubmitApplication").WithAbuseLimit("SubmitApplication");

        api.MapGet(ApiRoutes.Application, (HttpRequest request, string id, GetApplicationHandler h, CancellationToken ct) =>
            h.HandleAsync(request, id, ct)).WithName("GetApplication");

        api.MapPost(ApiRoutes.ApplicationAction, (HttpRequest request, string id, string action, ApplicationActionHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.HandleAsync(request, id, action, durable, ct)).WithName("ApplicationAction");

        api.MapGet(ApiRoutes.ApplicationHistory, (HttpRequest request, string id, HistoryHandler h, CancellationToken ct) =>
            h.HandleAsync(request, id, ct)).WithName("GetApplicationHistory");

        api.MapPost(ApiRoutes.ApplicationAccessLink, (HttpRequest request, string id, RotateAccessLinkHandler h, CancellationToken ct) =>
            h.HandleAsync(request, id, ct)).WithName("RotateAccessLink");

        api.MapGet(ApiRoutes.ApplicationNotifications, (HttpRequest request, string id, NsclWorkflows.Api.Notifications.GetNotificationsHandler h, CancellationToken ct) =>
            h.HandleAsync(request, id, ct)).WithName("GetApplicationNotifications");

        api.MapPost(ApiRoutes.ApplicationAttachments, (HttpRequest request, string id, AttachmentsHandler h, CancellationToken ct) =>
            h.UploadAsync(request, id, ct)).WithName("UploadAttachment").WithAbuseLimit("UploadAttachment");

        api.MapGet(ApiRoutes.ApplicationAttachments, (HttpRequest request, string id, AttachmentsHandler h, CancellationToken ct) =>
            h.ListAsync(request, id, ct)).WithName("ListAttachments");

        api.MapGet(ApiRoutes.ApplicationAttachment, (HttpRequest request, string id, string name, AttachmentsHandler h, CancellationToken ct) =>
            h.DownloadAsync(request, id, name, ct)).WithName("DownloadAttachment");

        api.MapGet(ApiRoutes.Inbox, (HttpRequest request, NsclWorkflows.Api.Inbox.InboxPageHandler h, CancellationToken ct) =>
            h.HandleAsync(request, ct)).WithName("GetInbox");

        api.MapGet(ApiRoutes.Budget, (HttpRequest request, BudgetHandler h, CancellationToken ct) =>
            h.HandleAsync(request, ct)).WithName("GetBudget");

        api.MapGet(ApiRoutes.BudgetAllocations, (HttpRequest request, NsclWorkflows.Api.Budget.AllocationsHandler h, CancellationToken ct) =>
            h.ListAsync(request, ct)).WithName("ListBudgetAllocations");

        api.MapPost(ApiRoutes.BudgetAllocations, (HttpRequest request, NsclWorkflows.Api.Budget.AllocationsHandler h, CancellationToken ct) =>
            h.RecordAsync(request, ct)).WithName("RecordBudgetAllocation");

        api.MapGet(ApiRoutes.Targets, (HttpRequest request, TargetsHandler h, CancellationToken ct) =>
            h.HandleAsync(request, ct)).WithName("GetTargets");

        api.MapPost(ApiRoutes.TargetValues, (HttpRequest request, string targetId, NsclWorkflows.Api.Targets.IndicatorValuesHandler h, CancellationToken ct) =>
            h.RecordAsync(request, targetId, ct)).WithName("RecordTargetValue");

        api.MapGet(ApiRoutes.TargetValues, (HttpRequest request, string targetId, NsclWorkflows.Api.Targets.IndicatorValuesHandler h, CancellationToken ct) =>
            h.ListAsync(request, targetId, ct)).WithName("ListTargetValues");

        // Programme activities (funded items that are not enterprise applications).
        api.MapPost(ApiRoutes.Activities, (HttpRequest request, NsclWorkflows.Api.Activities.ActivitiesHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.CreateAsync(request, durable, ct)).WithName("PlanActivity");
        api.MapGet(ApiRoutes.Activities, (HttpRequest request, NsclWorkflows.Api.Activities.ActivitiesHandler h, CancellationToken ct) =>
            h.ListAsync(request, ct)).WithName("ListActivities");
        api.MapGet(ApiRoutes.Activity, (HttpRequest request, string id, NsclWorkflows.Api.Activities.ActivitiesHandler h, CancellationToken ct) =>
            h.GetAsync(request, id, ct)).WithName("GetActivity");
        api.MapPost(ApiRoutes.ActivitySpending, (HttpRequest request, string id, NsclWorkflows.Api.Activities.ActivitiesHandler h, CancellationToken ct) =>
            h.RecordSpendingAsync(request, id, ct)).WithName("RecordActivitySpending");
        api.MapPost(ApiRoutes.ActivityOutputs, (HttpRequest request, string id, NsclWorkflows.Api.Activities.ActivitiesHandler h, CancellationToken ct) =>
            h.RecordOutputAsync(request, id, ct)).WithName("RecordActivityOutput");
        api.MapPost(ApiRoutes.ActivityClose, (HttpRequest request, string id, NsclWorkflows.Api.Activities.ActivitiesHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.CloseAsync(request, id, durable, ct)).WithName("CloseActivity");
        api.MapPost(ApiRoutes.ActivityCancel, (HttpRequest request, string id, NsclWorkflows.Api.Activities.ActivitiesHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.CancelAsync(request, id, durable, ct)).WithName("CancelActivity");

        api.MapGet(ApiRoutes.Catalogue, (CatalogueHandler h) => h.Get()).WithName("GetCatalogue");

        api.MapGet(ApiRoutes.CatalogueValidation, (HttpRequest request, CatalogueHandler h) => h.GetValidation(request))
            .WithName("GetCatalogueValidation");

        api.MapPost(ApiRoutes.YearEndReport, (HttpRequest request, string year, YearEndReportHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.StartAsync(request, year, durable, ct)).WithName("StartYearEndReport");

        api.MapGet(ApiRoutes.YearEndReport, (HttpRequest request, string year, YearEndReportHandler h, CancellationToken ct) =>
            h.GetAsync(request, year, ct)).WithName("GetYearEndReport");

        api.MapGet(ApiRoutes.ApplicationDocuments, (HttpRequest request, string id, ApplicationDocumentHandler h, CancellationToken ct) =>
            h.ListAsync(request, id, ct)).WithName("ListApplicationDocuments");

        api.MapGet(ApiRoutes.ApplicationDocument, (HttpRequest request, string id, string kind, ApplicationDocumentHandler h, CancellationToken ct) =>
            h.HandleAsync(request, id, kind, ct)).WithName("GetApplicationDocument");

        api.MapGet(ApiRoutes.WorkflowOperations, (HttpRequest request, NsclWorkflows.Api.Operations.WorkflowOperationsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.HandleAsync(request, durable, ct)).WithName("ListWorkflowProblems");
        api.MapPost(ApiRoutes.WorkflowResume, (HttpRequest request, string instanceId, NsclWorkflows.Api.Operations.WorkflowOperationsHandler h, DurableTaskClient durable,
            CancellationToken ct) => h.ResumeAsync(request, instanceId, durable, ct)).WithName("ResumeWorkflow");
        api.MapGet(ApiRoutes.Me, (HttpRequest request, NsclWorkflows.Api.Officers.MeHandler h) => h.Handle(request)).WithName("GetMe");

        // Exports (issue 16): xlsx/CSV streamed from a temporary file.
        api.MapGet(ApiRoutes.ExportApplications, (HttpRequest request, NsclWorkflows.Api.Reports.Exports.ExportsHandler h) =>
            h.Applications(request)).WithName("ExportApplications");
        api.MapGet(ApiRoutes.ExportEnterprises, (HttpRequest request, NsclWorkflows.Api.Reports.Exports.ExportsHandler h) =>
            h.Enterprises(request)).WithName("ExportEnterprises");
        api.MapGet(ApiRoutes.ExportLedger, (HttpRequest request, NsclWorkflows.Api.Reports.Exports.ExportsHandler h, CancellationToken ct) =>
            h.LedgerAsync(request, ct)).WithName("ExportLedger");
        api.MapGet(ApiRoutes.ExportLedgerMovements, (HttpRequest request, NsclWorkflows.Api.Reports.Exports.ExportsHandler h, CancellationToken ct) =>
            h.LedgerMovementsAsync(request, ct)).WithName("ExportLedgerMovements");
        api.MapGet(ApiRoutes.ExportActivities, (HttpRequest request, NsclWorkflows.Api.Reports.Exports.ExportsHandler h, CancellationToken ct) =>
            h.ActivitiesAsync(request, ct)).WithName("ExportActivities");
        api.MapGet(ApiRoutes.ExportApplicationHistory, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Exports.ExportsHandler h, CancellationToken ct) =>
            h.HistoryAsync(request, id, ct)).WithName("ExportApplicationHistory");
        api.MapGet(ApiRoutes.NationalFeed, (HttpRequest request, NsclWorkflows.Api.Reports.Feed.NationalFeedHandler h) =>
            h.Handle(request)).WithName("GetNationalFeed");

        // Report runs (issue 16).
        api.MapPost(ApiRoutes.ReportRuns, (HttpRequest request, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.OpenAsync(request, durable, ct)).WithName("OpenReportRun");
        api.MapGet(ApiRoutes.ReportRuns, (HttpRequest request, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, CancellationToken ct) =>
            h.ListAsync(request, ct)).WithName("ListReportRuns");
        api.MapGet(ApiRoutes.ReportRun, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, CancellationToken ct) =>
            h.GetAsync(request, id, ct)).WithName("GetReportRun");
        api.MapGet(ApiRoutes.ReportRunUnit, (HttpRequest request, string id, string unit, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, CancellationToken ct) =>
            h.GetUnitAsync(request, id, unit, ct)).WithName("GetReportRunUnitInput");
        api.MapPost(ApiRoutes.ReportRunUnit, (HttpRequest request, string id, string unit, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.SubmitUnitAsync(request, id, unit, durable, ct)).WithName("SubmitReportRunUnitInput");
        api.MapPost(ApiRoutes.ReportRunCloseInput, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.CloseInputAsync(request, id, durable, ct)).WithName("CloseReportRunInput");
        api.MapPost(ApiRoutes.ReportRunNarrative, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, CancellationToken ct) =>
            h.SaveNarrativeAsync(request, id, ct)).WithName("SaveReportRunNarrative");
        api.MapPost(ApiRoutes.ReportRunSubmit, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.SubmitAsync(request, id, durable, ct)).WithName("SubmitReportRun");
        api.MapPost(ApiRoutes.ReportRunDecision, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.DecideAsync(request, id, durable, ct)).WithName("DecideReportRun");
        api.MapGet(ApiRoutes.ReportRunReport, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, CancellationToken ct) =>
            h.GetReportAsync(request, id, ct)).WithName("GetReportRunReport");
        api.MapPost(ApiRoutes.ReportRunSignedCopy, (HttpRequest request, string id, NsclWorkflows.Api.Reports.Runs.ReportRunsHandler h, CancellationToken ct) =>
            h.UploadSignedAsync(request, id, ct)).WithName("UploadReportRunSignedCopy");

        // The decision register (issue 14).
        api.MapGet(ApiRoutes.Decisions, (HttpRequest request, NsclWorkflows.Api.Decisions.DecisionRegisterHandler h, CancellationToken ct) =>
            h.ListAsync(request, ct)).WithName("ListDecisions");

        // Councils (issue 14): founded by a leader, members act through their secret links.
        api.MapPost(ApiRoutes.Councils, (HttpRequest request, NsclWorkflows.Api.Councils.CouncilsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.FoundAsync(request, durable, ct)).WithName("FoundCouncil");
        api.MapGet(ApiRoutes.Councils, (HttpRequest request, NsclWorkflows.Api.Councils.CouncilsHandler h, CancellationToken ct) =>
            h.ListAsync(request, ct)).WithName("ListCouncils");
        api.MapGet(ApiRoutes.Council, (HttpRequest request, string id, NsclWorkflows.Api.Councils.CouncilsHandler h, CancellationToken ct) =>
            h.GetAsync(request, id, ct)).WithName("GetCouncil");
        api.MapGet(ApiRoutes.CouncilMember, (HttpRequest request, string id, string member, NsclWorkflows.Api.Councils.CouncilsHandler h, CancellationToken ct) =>
            h.GetMemberAsync(request, id, member, ct)).WithName("GetCouncilMember");
        api.MapPost(ApiRoutes.CouncilMemberDeclaration, (HttpRequest request, string id, string member, NsclWorkflows.Api.Councils.CouncilsHandler h, DurableTaskClient durable,
            CancellationToken ct) => h.DeclareAsync(request, id, member, durable, ct)).WithName("DeclareCouncilConflict");
        api.MapPost(ApiRoutes.CouncilMemberSheet, (HttpRequest request, string id, string member, string application, NsclWorkflows.Api.Councils.CouncilsHandler h,
            DurableTaskClient durable, CancellationToken ct) => h.ScoreAsync(request, id, member, application, durable, ct)).WithName("SubmitCouncilSheet");
        api.MapPost(ApiRoutes.CouncilMemberClose, (HttpRequest request, string id, string member, NsclWorkflows.Api.Councils.CouncilsHandler h, DurableTaskClient durable,
            CancellationToken ct) => h.CloseAsync(request, id, member, durable, ct)).WithName("CloseCouncilSession");
        api.MapPost(ApiRoutes.CouncilMemberLink, (HttpRequest request, string id, string member, NsclWorkflows.Api.Councils.CouncilsHandler h, CancellationToken ct) =>
            h.RelinkAsync(request, id, member, ct)).WithName("ReissueCouncilMemberLink");
        api.MapGet(ApiRoutes.CouncilMemberDocument, (HttpRequest request, string id, string member, string application, string name,
            NsclWorkflows.Api.Councils.CouncilsHandler h, CancellationToken ct) =>
            h.DownloadMemberDocumentAsync(request, id, member, application, name, ct)).WithName("DownloadCouncilMemberDocument");
        // Calls for applications (issue 14).
        api.MapPost(ApiRoutes.Calls, (HttpRequest request, NsclWorkflows.Api.Calls.CallsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.OpenAsync(request, durable, ct)).WithName("OpenCall");
        api.MapGet(ApiRoutes.Calls, (HttpRequest request, NsclWorkflows.Api.Calls.CallsHandler h, CancellationToken ct) =>
            h.ListAsync(request, ct)).WithName("ListCalls");
        api.MapGet(ApiRoutes.OpenCalls, (NsclWorkflows.Api.Calls.CallsHandler h, CancellationToken ct) =>
            h.OpenCallsAsync(ct)).WithName("ListOpenCalls");
        api.MapGet(ApiRoutes.Call, (HttpRequest request, string id, NsclWorkflows.Api.Calls.CallsHandler h, CancellationToken ct) =>
            h.GetAsync(request, id, ct)).WithName("GetCall");
        api.MapPost(ApiRoutes.CallFinalise, (HttpRequest request, string id, NsclWorkflows.Api.Calls.CallsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.FinaliseAsync(request, id, durable, ct)).WithName("FinaliseCall");
        api.MapPost(ApiRoutes.Assignments, (HttpRequest request, NsclWorkflows.Api.Calls.AssignmentsHandler h, DurableTaskClient durable, CancellationToken ct) =>
            h.CreateAsync(request, durable, ct)).WithName("CreateAssignment");

        return app;
    }
}
