using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Workflows.Councils;

/// <summary>
/// Applies a step of <see cref="CouncilWorkflow"/> to the stored council (under its optimistic concurrency) and answers
/// where it stands. Each step is idempotent: a re-executed activity finds its change made and answers the same.
/// Delivering keeps each result for its application's workflow, then raises it (the host's durable client, as
/// <c>TakeStepActivity</c> starts e-mails): should the event be lost, the application's workflow takes the kept action.
/// </summary>
public sealed class CouncilStepActivity(ICouncilRepository councils, IPendingActions pending, ProgrammeCatalogue catalogue, DurableTaskClient client)
    : TaskActivity<CouncilStepCommand, CouncilStatus>
{
    public override async Task<CouncilStatus> RunAsync(TaskActivityContext context, CouncilStepCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var at = input.AtUtc;
        switch (input.Kind)
        {
            case CouncilStepKind.Remind:
                return await ChangeAsync(input.CouncilId,
                    c => CouncilRules.Pending(c).All(m => m.RemindedAtUtc is not null) ? c : Mark(c, m => m with { RemindedAtUtc = m.RemindedAtUtc ?? at }),
                    c => [.. CouncilRules.Pending(c).Where(m => m.RemindedAtUtc is not null).Select(m => m.Id)]).ConfigureAwait(false);

            case CouncilStepKind.Escalate:
                return await ChangeAsync(input.CouncilId,
                    c => CouncilRules.Pending(c).All(m => m.EscalatedAtUtc is not null) ? c : Mark(c, m => m with { EscalatedAtUtc = m.EscalatedAtUtc ?? at }),
                    c => [.. CouncilRules.Pending(c).Where(m => m.EscalatedAtUtc is not null).Select(m => m.Id)]).ConfigureAwait(false);

            case CouncilStepKind.MarkOverdue:
                return await ChangeAsync(input.CouncilId, c => c.State != CouncilState.Open || c.OverdueAtUtc is not null ? c : CouncilRules.Note(c with { OverdueAtUtc = at },
                    new(at, "overdue", "Quá hạn họp hội đồng: đã báo lãnh đạo; Thư ký vẫn kết thúc được phiên họp khi đủ số thành viên.", false)), null).ConfigureAwait(false);

            case CouncilStepKind.Deliver:
            {
                if (await councils.FindAsync(input.CouncilId, CancellationToken.None).ConfigureAwait(false) is not { State: CouncilState.Closed } council)
                {
                    return CouncilStatus.Of(await councils.FindAsync(input.CouncilId, CancellationToken.None).ConfigureAwait(false));
                }

                var (delivered, _) = await CouncilDelivery.DeliverAsync(council, councils, pending, client, catalogue.CouncilPolicy, at,
                    CancellationToken.None).ConfigureAwait(false);
                return CouncilStatus.Of(delivered);
            }

            case CouncilStepKind.Note when input.Detail is { Length: > 0 } detail:
                return await ChangeAsync(input.CouncilId, c => CouncilRules.Note(c, new(at, "workflow", detail, input.Failed)), null).ConfigureAwait(false);

            default:
                return CouncilStatus.Of(await councils.FindAsync(input.CouncilId, CancellationToken.None).ConfigureAwait(false));
        }
    }

    /// <summary>Marks every member who still has something to do.</summary>
    static Council Mark(Council council, Func<CouncilMember, CouncilMember> mark)
    {
        var pendingIds = CouncilRules.Pending(council).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return council with { Members = [.. council.Members.Select(m => pendingIds.Contains(m.Id) ? mark(m) : m)] };
    }

    async Task<CouncilStatus> ChangeAsync(string councilId, Func<Council, Council> change, Func<Council, IReadOnlyList<string>>? concerned)
    {
        var result = await councils.UpdateAsync(councilId, c => ValidationResult<Council>.Ok(change(c)), CancellationToken.None).ConfigureAwait(false);
        var council = result?.Value;
        return CouncilStatus.Of(council, council is null ? null : concerned?.Invoke(council));
    }
}
