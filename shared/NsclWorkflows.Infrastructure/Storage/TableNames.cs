namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>Tables the application owns (before the configured prefix).</summary>
public static class TableNames
{
    /// <summary>One partition per application: the application row and its audit trail.</summary>
    public const string Applications = "Applications";

    /// <summary>Idempotency keys of submissions.</summary>
    public const string IdempotencyKeys = "IdempotencyKeys";

    /// <summary>Officers' open tasks: partition "{unit}|{role}", one row per application.</summary>
    public const string Inbox = "Inbox";

    /// <summary>The budget ledger: one partition per budget item and year (balance, holdings, entries).</summary>
    public const string BudgetLedger = "BudgetLedger";

    /// <summary>One partition per application: one row per e-mail (event, occurrence, recipient) and its delivery state.</summary>
    public const string Notifications = "Notifications";

    /// <summary>One partition per programme activity (the activity row, its spending and outputs inside).</summary>
    public const string Activities = "Activities";

    public static readonly IReadOnlyList<string> All = [Applications, IdempotencyKeys, Inbox, BudgetLedger, Notifications, Activities];
}
