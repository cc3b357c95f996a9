using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Workflows.Lifecycle;

/// <summary>Which document of which application, issued by which workflow step (the step makes storing idempotent).</summary>
public sealed record IssueDocumentRequest(string ApplicationId, string Kind, string SourceId);

/// <summary>
/// Builds a per-application Word document from the recorded lifecycle and stores it as a new version (scope: the
/// application id). A re-executed activity finds the version its step already stored and stores nothing new. When the
/// document had failed before (<see cref="LifecycleState.DocumentFailures"/>), the failure is cleared with an audit
/// entry and the inbox flag goes with it.
/// </summary>
public sealed class IssueDocumentActivity(IApplicationRepository applications, ProgrammeCatalogue catalogue, IOfficialDocumentBuilder builder,
    IDocumentStore documents, IInbox inbox, Domain.Attachments.IAttachmentStore attachments, ILogger<IssueDocumentActivity> logger)
    : TaskActivity<IssueDocumentRequest, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, IssueDocumentRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.FindAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} does not exist.");
        if (input.Kind is DocumentKinds.SignedApprovalDecision or DocumentKinds.SignedRecognitionDecision)
        {
            return await IssueSignedAsync(application, input);
        }

        var (content, name, by, at) = input.Kind switch
        {
            DocumentKinds.AppraisalRecord => (builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(application, catalogue)),
                DocumentTitles.Vietnamese(input.Kind), LastAppraisal(application)?.Appraiser, LastAppraisal(application)?.AtUtc),
            DocumentKinds.ApprovalDecision => (builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, catalogue)),
                DocumentTitles.Vietnamese(input.Kind), application.Lifecycle.Approval?.Leader, application.Lifecycle.Approval?.AtUtc),
            DocumentKinds.EvaluationMinutes => (builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(application, catalogue)),
                DocumentTitles.Vietnamese(input.Kind), application.Lifecycle.Evaluation?.Leader, application.Lifecycle.Evaluation?.AtUtc),
            DocumentKinds.RecognitionDecision => (builder.BuildRecognitionDecision(ApplicationDocumentMapper.Recognition(application, catalogue)),
                DocumentTitles.Vietnamese(input.Kind), application.Lifecycle.Evaluation?.Leader, application.Lifecycle.Evaluation?.AtUtc),
            _ => throw new ArgumentException($"Unknown per-application document kind {input.Kind}.", nameof(input)),
        };
        var stored = await documents.AddVersionAsync(
            new NewDocument(input.Kind, application.Id, $"{name} {application.TrackingCode}.docx", DocumentKinds.WordContentType, content,
                by ?? "system", at ?? application.UpdatedAtUtc, input.SourceId),
            CancellationToken.None);

        if (application.Lifecycle.DocumentFailures.Any(f => f.Kind == input.Kind))
        {
            await ClearFailureAsync(input, stored.Version);
        }

        return stored.Version;
    }

    /// <summary>
    /// The signed decision as the enterprise receives it: the PDF the leader recorded (an attachment of the application,
    /// checked again to be a PDF by its content), stored as a document version named by its number.
    /// </summary>
    async Task<int> IssueSignedAsync(Application application, IssueDocumentRequest input)
    {
        var signed = (input.Kind == DocumentKinds.SignedRecognitionDecision ? application.Lifecycle.SignedRecognition : application.Lifecycle.SignedDecision)
            ?? throw new InvalidOperationException($"Application {application.Id} has no signed decision ({input.Kind}) to issue.");
        var opened = await attachments.OpenAsync(application.Id, signed.File, CancellationToken.None)
            ?? throw new InvalidOperationException($"The signed decision {signed.File} of application {application.Id} is not among its attachments.");
        byte[] content;
        await using (opened.Content)
        {
            using var buffer = new MemoryStream();
            await opened.Content.CopyToAsync(buffer, CancellationToken.None);
            content = buffer.ToArray();
        }

        if (Domain.Attachments.AttachmentRules.Detect(content) != Domain.Attachments.AttachmentRules.Pdf)
        {
            throw new InvalidOperationException($"The signed decision {signed.File} of application {application.Id} is not a PDF.");
        }

        var name = $"Quyết định số {signed.Number}-{signed.Symbol} {application.TrackingCode}.pdf";
        var stored = await documents.AddVersionAsync(
            new NewDocument(input.Kind, application.Id, name, DocumentKinds.PdfContentType, content, signed.RecordedBy, signed.RecordedAtUtc, input.SourceId),
            CancellationToken.None);
        if (application.Lifecycle.DocumentFailures.Any(f => f.Kind == input.Kind))
        {
            await ClearFailureAsync(input, stored.Version);
        }

        return stored.Version;
    }

    async Task ClearFailureAsync(IssueDocumentRequest input, int version)
    {
        var updated = await applications.UpdateAsync(input.ApplicationId, a => LifecycleUpkeep.DocumentReissued(a, input.Kind,
            $"Đã lập {DocumentTitles.Vietnamese(input.Kind)} (bản {version}) sau lần lỗi trước.", DateTimeOffset.UtcNow), CancellationToken.None);

        if (updated is null)
        {
            return;
        }

        try
        {
            await inbox.SyncAsync(updated, CancellationToken.None);
        }
#pragma warning disable CA1031 // The document is stored and the failure cleared: the inbox flag catches up at the next step.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.InboxSyncAfterDocumentFailed(logger, ex, input.ApplicationId, input.Kind);
        }
    }

    static AppraisalRecord? LastAppraisal(Application application) =>
        application.Lifecycle.Appraisals.Count == 0 ? null : application.Lifecycle.Appraisals[^1];
}
