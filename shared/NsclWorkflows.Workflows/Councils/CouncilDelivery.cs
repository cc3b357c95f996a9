using Microsoft.DurableTask.Client;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Workflows.Councils;

/// <summary>
/// A closed council's result on each application, as the lifecycle action <c>record-council-result</c> (an evaluation
/// council's: <c>record-council-evaluation</c>): the council
/// (founding decision, members and roles, recusals, the meeting) and each counted member's sheet. Its action id is
/// fixed per (council, application), so however often it is kept or raised, the application's workflow takes it once.
/// </summary>
public static class CouncilDelivery
{
    public const string ActorRole = "Council";

    public static string ActionIdOf(string councilId, string applicationId) => $"council-{councilId}-{applicationId}";

    public static ActionRequest ActionFor(Council council, CouncilApplication application, CouncilPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(policy);
        var counted = application.Result?.CountedMemberIds ?? [];
        var seats = council.Members.Select(m => new CouncilSeat(m.Id, m.FullName, m.Title, m.Organisation, CouncilRules.RoleName(m.Role),
            counted.Contains(m.Id), m.RecusedFrom(application.ApplicationId) ? m.Declaration!.Reason ?? string.Empty : null)).ToList();
        var summary = new CouncilSummary(council.Id, council.Name, council.Decision.Number, council.Decision.SignedOn, council.Decision.SignerName,
            council.Decision.SignerTitle, seats, council.MeetingStartUtc ?? council.ClosedAtUtc ?? council.CreatedAtUtc,
            council.MeetingEndUtc ?? council.ClosedAtUtc ?? council.CreatedAtUtc)
        {
            CallId = council.CallId,
            Quorum = CouncilRules.Quorum(council, policy),
            ClosedBy = council.ClosedBy,
        };
        var sheets = council.Members.Where(m => counted.Contains(m.Id) && m.SheetFor(application.ApplicationId) is not null)
            .Select(m => (m.Id, Sheet: m.SheetFor(application.ApplicationId)!))
            .Select(x => new CouncilSeatSheet(x.Id, x.Sheet.Scores, x.Sheet.RecommendsSupport, x.Sheet.RecommendedAmountVnd, x.Sheet.Comment, x.Sheet.AtUtc))
            .ToList();
        // An appraisal council concludes the appraisal; an evaluation council's verdict advises the leader's final evaluation.
        var action = council.Purpose == CouncilPurpose.Evaluation ? LifecycleAction.RecordCouncilEvaluation : LifecycleAction.RecordCouncilResult;
        return new ActionRequest(action, council.Name, ActorRole)
        {
            Council = new CouncilVerdict(summary, sheets),
            ActionId = ActionIdOf(council.Id, application.ApplicationId),
        };
    }

    /// <summary>
    /// Delivers a closed council's results not delivered yet: each is kept for the application's workflow
    /// (<see cref="IPendingActions"/>: it survives a lost event) before it is raised (when a client is at hand), then the
    /// application is marked delivered on the council. Answers the council as stored after, and the problems met
    /// (an application whose delivery failed stays undelivered: the council's workflow tries again).
    /// </summary>
    public static async Task<(Council Council, IReadOnlyList<string> Problems)> DeliverAsync(Council council, ICouncilRepository councils, IPendingActions pending,
        DurableTaskClient? durable, CouncilPolicy policy, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(councils);
        ArgumentNullException.ThrowIfNull(pending);
        var problems = new List<string>();
        if (council.State != CouncilState.Closed)
        {
            return (council, problems);
        }

        foreach (var application in council.Applications.Where(a => a.DeliveredAtUtc is null))
        {
            var action = ActionFor(council, application, policy);
            try
            {
                await pending.AddAsync(application.ApplicationId, action, nowUtc, cancellationToken).ConfigureAwait(false);
                if (durable is not null)
                {
                    await durable.RaiseEventAsync(ApplicationIds.WorkflowInstanceId(application.ApplicationId), ActionRequest.EventName, action, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
#pragma warning disable CA1031 // A delivery that fails is recorded on the council and tried again by its workflow; the others go on.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                problems.Add($"Chưa chuyển được kết quả vào hồ sơ {application.TrackingCode}: {ex.Message}");
                continue;
            }

            var id = application.ApplicationId;
            var marked = await councils.UpdateAsync(council.Id, c => ValidationResult<Council>.Ok(CouncilRules.Note(c with
            {
                Applications = [.. c.Applications.Select(a => a.ApplicationId == id ? a with { DeliveredAtUtc = a.DeliveredAtUtc ?? nowUtc } : a)],
            }, new(nowUtc, "delivered", $"Đã chuyển kết quả của hội đồng vào hồ sơ {application.TrackingCode}.", false))), cancellationToken).ConfigureAwait(false);
            council = marked?.Value ?? council;
        }

        if (problems.Count > 0)
        {
            var noted = await councils.UpdateAsync(council.Id, c => ValidationResult<Council>.Ok(
                problems.Aggregate(c, (x, p) => CouncilRules.Note(x, new(nowUtc, "delivery", p, true)))), cancellationToken).ConfigureAwait(false);
            council = noted?.Value ?? council;
        }

        return (council, problems);
    }
}
