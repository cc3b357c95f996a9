using Microsoft.DurableTask;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>Which document of which application, issued by which workflow step (the step makes storing idempotent).</summary>
public sealed record IssueDocumentRequest(string ApplicationId, string Kind, string SourceId);

/// <summary>
/// Builds a per-application Word document from the recorded lifecycle and stores it as a new version (scope: the
/// application id). A re-executed activity finds the version its step already stored and stores nothing new.
/// </summary>
public sealed class IssueDocumentActivity(IApplicationRepository applications, ProgrammeCatalogue catalogue, IOfficialDocumentBuilder builder, IDocumentStore documents)
    : TaskActivity<IssueDocumentRequest, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, IssueDocumentRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.FindAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} does not exist.");
        var (content, name, by, at) = input.Kind switch
        {
            DocumentKinds.AppraisalRecord => (builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(application, catalogue)),
                DocumentTitles.Vietnamese(input.Kind), application.Lifecycle.Appraisals.LastOrDefault()?.Appraiser, application.Lifecycle.Appraisals.LastOrDefault()?.AtUtc),
            DocumentKinds.ApprovalDecision => (builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, catalogue)),
                DocumentTitles.Vietnamese(input.Kind), application.Lifecycle.Approval?.Leader, application.Lifecycle.Approval?.AtUtc),
            DocumentKinds.EvaluationMinutes => (builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(application, catalogue)),
                DocumentTitles.Vietnamese(input.Kind), application.Lifecycle.Evaluation?.Leader, application.Lifecycle.Evaluation?.AtUtc),
            _ => throw new ArgumentException($"Unknown per-application document kind {input.Kind}.", nameof(input)),
        };
        var stored = await documents.AddVersionAsync(
            new NewDocument(input.Kind, application.Id, $"{name} {application.TrackingCode}.docx", DocumentKinds.WordContentType, content,
                by ?? "system", at ?? application.UpdatedAtUtc, input.SourceId),
            CancellationToken.None);
        return stored.Version;
    }
}
