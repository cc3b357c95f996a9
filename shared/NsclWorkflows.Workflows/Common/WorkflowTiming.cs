namespace NsclWorkflows.Workflows.Common;

/// <summary>
/// How long a workflow waits before another round of an activity whose retry policy is spent (storage unreachable for
/// longer than the policy's half-minute, a defect until a deployment fixes it): <see cref="FirstRound"/>, doubling up
/// to <see cref="MaxRound"/>, for as long as it takes (<see cref="ActivityRounds"/>). One value per deployment
/// (<see cref="RetryRoundSetting"/>), given to the orchestrators through their constructor. Safe to change between
/// deployments: Durable Task replays a timer by its place in the history, not by its length.
/// </summary>
public sealed record WorkflowTiming(TimeSpan FirstRound, TimeSpan MaxRound)
{
    /// <summary>
    /// How long a continued execution waits before it reads the accepted actions kept in storage: past the commit of its
    /// first episode, so the read's answer cannot meet an action's event in the window where the provider drops events
    /// (Azure/durabletask #1399: a message for the new execution arriving before its history is written).
    /// </summary>
    public TimeSpan ContinuedSettle { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Steps and reminders an application's workflow takes per execution before it continues as new, written into the
    /// input of each workflow started (so a running one keeps its own); null: <c>ApplicationWorkflow.DefaultStepsPerExecution</c>.
    /// Set low only to exercise ContinueAsNew (tests, drills); at least 3.
    /// </summary>
    public int? StepsPerExecution { get; init; }

    /// <summary>Configuration key of <see cref="StepsPerExecution"/> (an integer).</summary>
    public const string StepsPerExecutionSetting = "Nscl:Durable:StepsPerExecution";

    /// <summary>Configuration key of <see cref="FirstRound"/> (a TimeSpan, e.g. "00:01:00").</summary>
    public const string RetryRoundSetting = "Nscl:Durable:RetryRound";

    /// <summary>One minute, doubling to an hour.</summary>
    public static readonly WorkflowTiming Default = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <summary>The wait after the failed round <paramref name="round"/> (1 for the first).</summary>
    public TimeSpan Round(int round)
    {
        var wait = FirstRound;
        for (var i = 1; i < round && wait < MaxRound; i++)
        {
            wait *= 2;
        }

        return wait < MaxRound ? wait : MaxRound;
    }

    /// <summary>The timing of a deployment: <paramref name="firstRound"/> when set (at least a second, at most an hour), else <see cref="Default"/>.</summary>
    public static WorkflowTiming From(TimeSpan? firstRound) =>
        firstRound is { } first
            ? new(first < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : first > Default.MaxRound ? Default.MaxRound : first, Default.MaxRound)
            : Default;
}
