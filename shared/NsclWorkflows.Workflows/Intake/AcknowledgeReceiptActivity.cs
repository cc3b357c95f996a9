using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Workflows.Intake;

/// <summary>
/// Marks the application received. A second run (the activity is delivered at least once) changes no state but
/// leaves a trace in the audit trail, so a repeat is visible rather than silent.
/// </summary>
public sealed class AcknowledgeReceiptActivity(IApplicationRepository applications, TimeProvider time, ILogger<AcknowledgeReceiptActivity> logger)
    : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        var now = time.GetUtcNow();
        var first = false;
        var updated = await applications.UpdateAsync(input, application =>
        {
            first = application.AcknowledgeReceipt(now);
            return first
                ? new AuditEntry(input, now, AuditKinds.ReceiptAcknowledged, "system", "Đã tiếp nhận hồ sơ.")
                : new AuditEntry(input, now, AuditKinds.ReceiptAcknowledgedAgain, "system", "Bước tiếp nhận được thực hiện lại; trạng thái không đổi.");
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Application {input} does not exist.");

        if (!first)
        {
            Log.ReceiptRepeated(logger, updated.Id);
        }

        return first;
    }
}
