namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>Tables the application owns (before the configured prefix).</summary>
public static class TableNames
{
    /// <summary>One partition per application: the application row and its audit trail.</summary>
    public const string Applications = "Applications";

    /// <summary>Idempotency keys of submissions.</summary>
    public const string IdempotencyKeys = "IdempotencyKeys";

    /// <summary>Officers' open tasks as first stored (partition "{unit}|{role}", row key the application id): no longer read; <see cref="OfficerInbox"/> replaces it (rebuilt by the <c>projections rebuild</c> command).</summary>
    public const string Inbox = "Inbox";

    /// <summary>The budget ledger: one partition per budget item and year (balance, holdings, entries).</summary>
    public const string BudgetLedger = "BudgetLedger";

    /// <summary>One partition per application: one row per e-mail (event, occurrence, recipient) and its delivery state.</summary>
    public const string Notifications = "Notifications";

    /// <summary>One partition per programme activity (the activity row, its spending and outputs inside).</summary>
    public const string Activities = "Activities";

    /// <summary>Officers' open tasks by "{unit}|{role}", due date in the row key, with their search rows (<see cref="TableInbox"/>).</summary>
    public const string OfficerInbox = "OfficerInbox";

    /// <summary>Programme counters kept by the projection (<see cref="TableProgrammeAggregates"/>).</summary>
    public const string ProgrammeAggregates = "ProgrammeAggregates";

    public static readonly IReadOnlyList<string> All = [Applications, IdempotencyKeys, Inbox, BudgetLedger, Notifications, Activities, OfficerInbox, ProgrammeAggregates];
}
