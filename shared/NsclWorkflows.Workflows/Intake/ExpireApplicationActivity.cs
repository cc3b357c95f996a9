using Microsoft.DurableTask;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Workflows.Intake;

/// <summary>Marks the application expired when the completeness review deadline passed. Idempotent.</summary>
public sealed class ExpireApplicationActivity(IApplicationRepository applications, TimeProvider time)
    : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        var now = time.GetUtcNow();
        var changed = false;
        _ = await applications.UpdateAsync(input, application =>
        {
            if (application.Status == ApplicationStatus.Expired)
            {
                return null;
            }

            application.Expire(now);
            changed = true;
            return new AuditEntry(input, now, AuditKinds.Expired, "system", "Quá hạn kiểm tra tính đầy đủ của hồ sơ mà chưa có quyết định.");
        }, CancellationToken.None) ?? throw new InvalidOperationException($"Application {input} does not exist.");
        return changed;
    }
}
