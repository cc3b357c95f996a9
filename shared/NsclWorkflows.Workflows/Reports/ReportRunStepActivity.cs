using Microsoft.DurableTask;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>
/// Applies a step of <see cref="ReportRunWorkflow"/> to the stored run (under its optimistic concurrency) and answers
/// where the run stands. Each step is idempotent: a re-executed activity finds its change made and answers the same.
/// </summary>
public sealed class ReportRunStepActivity(IReportRunRepository runs, IReportRunProducer producer) : TaskActivity<ReportRunStepCommand, ReportRunStatus>
{
    public const string Actor = "Hệ thống";

    public override async Task<ReportRunStatus> RunAsync(TaskActivityContext context, ReportRunStepCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var at = input.AtUtc;
        switch (input.Kind)
        {
            case ReportRunStepKind.Gather:
            {
                if (await runs.FindAsync(input.RunId, CancellationToken.None).ConfigureAwait(false) is not { } run)
                {
                    return ReportRunStatus.Of(null);
                }

                var version = await producer.GatherAsync(run, Actor, CancellationToken.None).ConfigureAwait(false);
                return await ChangeAsync(input.RunId, r => r.FiguresVersion == version ? r : ReportRunRules.Note(r with
                {
                    FiguresVersion = version,
                    State = r.State == ReportRunState.Gathering ? (r.LeadUnits.Count > 0 ? ReportRunState.AwaitingLeadUnits : ReportRunState.Drafting) : r.State,
                }, new(at, "figures", at > LedgerCut.EndOf(r.DataCutOff)
                    ? $"Đã tổng hợp số liệu của kỳ báo cáo (sổ kinh phí tính đến hết ngày {ReportRunText.Date(r.DataCutOff)})."
                    : $"Đã tổng hợp số liệu tạm tính (chưa đến ngày chốt số liệu {ReportRunText.Date(r.DataCutOff)}); văn bản báo cáo lấy số liệu chốt đến hết ngày đó khi được lập.",
                    false)), null).ConfigureAwait(false);
            }

            case ReportRunStepKind.RemindLeadUnits:
                return await ChangeAsync(input.RunId, r => r.State != ReportRunState.AwaitingLeadUnits || r.LeadUnits.All(u => u.HasAnswered || u.RemindedAtUtc is not null)
                        ? r
                        : ReportRunRules.RemindLeadUnits(r, at),
                    r => r.LeadUnits.Where(u => !u.HasAnswered && u.RemindedAtUtc is not null).Select(u => u.UnitId).ToList()).ConfigureAwait(false);

            case ReportRunStepKind.EscalateLeadUnits:
                return await ChangeAsync(input.RunId, r =>
                    {
                        var escalated = ReportRunRules.EscalateLeadUnits(r, at);
                        return escalated.IsValid
                            ? ReportRunRules.Note(escalated.Value!, new(at, "lead-units", "Hết hạn gửi số liệu của đơn vị chủ trì: báo cáo chuyển sang bước soạn nội dung.", false))
                            : r;
                    },
                    r => r.LeadUnits.Where(u => !u.HasAnswered && u.EscalatedAtUtc is not null).Select(u => u.UnitId).ToList()).ConfigureAwait(false);

            case ReportRunStepKind.Build:
            {
                if (await runs.FindAsync(input.RunId, CancellationToken.None).ConfigureAwait(false) is not { State: ReportRunState.Building } run)
                {
                    return ReportRunStatus.Of(await runs.FindAsync(input.RunId, CancellationToken.None).ConfigureAwait(false));
                }

                var version = await producer.BuildAsync(run, run.ApprovedBy ?? Actor, CancellationToken.None).ConfigureAwait(false);
                return await ChangeAsync(input.RunId, r => r.State != ReportRunState.Building ? r : ReportRunRules.Note(
                    r with { State = ReportRunState.Completed, ReportVersion = version },
                    new(at, "report", "Đã lập văn bản báo cáo (hệ thống lập lại sau khi lãnh đạo duyệt).", false)), null).ConfigureAwait(false);
            }

            case ReportRunStepKind.Note when input.Detail is { Length: > 0 } detail:
                return await ChangeAsync(input.RunId, r => ReportRunRules.Note(r, new(at, "workflow", detail, input.Failed)), null).ConfigureAwait(false);

            default:
                return ReportRunStatus.Of(await runs.FindAsync(input.RunId, CancellationToken.None).ConfigureAwait(false));
        }
    }

    async Task<ReportRunStatus> ChangeAsync(string runId, Func<ReportRun, ReportRun> change, Func<ReportRun, IReadOnlyList<string>>? concerned)
    {
        var result = await runs.UpdateAsync(runId, r => ValidationResult<ReportRun>.Ok(change(r)), CancellationToken.None).ConfigureAwait(false);
        var run = result?.Value;
        return ReportRunStatus.Of(run, run is null ? null : concerned?.Invoke(run));
    }
}
