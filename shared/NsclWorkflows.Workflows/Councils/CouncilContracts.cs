using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Workflows.Councils;

/// <summary>
/// Input of <see cref="CouncilWorkflow"/>: the council and the instants its workflow acts at by itself (computed when it
/// starts, so replays agree). Stored in workflow history: only add fields.
/// </summary>
public sealed record CouncilWorkflowInput(string CouncilId, DateTimeOffset ReminderUtc, DateTimeOffset EscalationUtc, DateTimeOffset DueUtc, TimeSpan RepeatWait)
{
    /// <summary>How many more waits after the due date (each <see cref="RepeatWait"/>) for the secretary's close before the workflow stops following.</summary>
    public int MaxWaitsAfterDue { get; init; } = 8;

    /// <summary>"council-{council id}": one workflow per council.</summary>
    public string InstanceId => InstanceIdOf(CouncilId);

    public static string InstanceIdOf(string councilId) => "council-" + councilId;

    /// <summary>
    /// The instants for a council founded now: members reminded after the policy's working days, leaders told after its
    /// escalation days, the session due at the end of its due date (compressed days in development).
    /// </summary>
    public static CouncilWorkflowInput For(Council council, DateTimeOffset nowUtc, DeadlinePlanner planner, CouncilPolicy policy, TimeSpan? compressedDay)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(policy);
        var today = DateOnly.FromDateTime(nowUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
        var due = compressedDay is { } day
            ? nowUtc + (day * (Math.Max(0, council.SessionDueDate.DayNumber - today.DayNumber) + 1))
            : DeadlinePlanner.EndOfLocalDay(council.SessionDueDate);
        return new(council.Id, planner.WorkingDaysFrom(nowUtc, policy.ReminderWorkingDays), planner.WorkingDaysFrom(nowUtc, policy.EscalationWorkingDays), due,
            compressedDay is { } c ? c * 7 : TimeSpan.FromDays(7));
    }
}

/// <summary>What <see cref="CouncilStepActivity"/> is asked. Stored by name in workflow history: only add.</summary>
public enum CouncilStepKind
{
    /// <summary>Only read where the council stands.</summary>
    Check,

    /// <summary>Mark the members who still have something to do as reminded.</summary>
    Remind,

    /// <summary>Mark them as escalated to the leaders.</summary>
    Escalate,

    /// <summary>The session's due date passed with the council open: mark it overdue (it stays closable).</summary>
    MarkOverdue,

    /// <summary>A closed council: keep each application's result for its workflow (and raise it where a client is at hand) if not done yet.</summary>
    Deliver,

    /// <summary>Record <see cref="CouncilStepCommand.Detail"/> in the council's journal.</summary>
    Note,
}

/// <summary>One step of <see cref="CouncilWorkflow"/>. Only ever add fields.</summary>
public sealed record CouncilStepCommand(string CouncilId, CouncilStepKind Kind, DateTimeOffset AtUtc, string? Detail = null, bool Failed = false);

/// <summary>Where a council stands after a step, and the members the step concerns (those reminded, escalated). Only ever add fields.</summary>
public sealed record CouncilStatus(bool Missing, CouncilState State, IReadOnlyList<string> Members, IReadOnlyList<string> Concerned, int Undelivered)
{
    /// <summary>Whether members still declare and score (the council is not closed).</summary>
    public bool IsOpen => !Missing && State == CouncilState.Open;

    public static CouncilStatus Of(Council? council, IReadOnlyList<string>? concerned = null) => council is null
        ? new(true, CouncilState.Closed, [], [], 0)
        : new(false, council.State, [.. council.Members.Select(m => m.Id)], concerned ?? [], council.State == CouncilState.Closed
            ? council.Applications.Count(a => a.DeliveredAtUtc is null)
            : 0);
}

/// <summary>An e-mail of a council: the event, the member it is for (if any), and the occurrence that makes it once. Only ever add fields.</summary>
public sealed record CouncilNotice(string CouncilId, NotificationEvent Event, string? MemberId, string Occurrence, DateTimeOffset AtUtc);
