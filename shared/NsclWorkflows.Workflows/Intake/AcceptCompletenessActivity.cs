using Microsoft.DurableTask;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Workflows.Intake;

/// <summary>Records the officer's decision that the file is complete. Idempotent.</summary>
public sealed class AcceptCompletenessActivity(IApplicationRepository applications, TimeProvider time)
    : TaskActivity<CompletenessDecision, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CompletenessDecision input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        var changed = false;
        _ = await applications.UpdateAsync(input.ApplicationId, application =>
        {
            if (application.Status == ApplicationStatus.CompletenessAccepted)
            {
                return null;
            }

            application.AcceptCompleteness(input.Officer, input.Note, now);
            changed = true;
            return new AuditEntry(input.ApplicationId, now, AuditKinds.CompletenessAccepted, input.Officer, input.Note ?? "Hồ sơ đầy đủ.");
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Application {input.ApplicationId} does not exist.");
        return changed;
    }
}
