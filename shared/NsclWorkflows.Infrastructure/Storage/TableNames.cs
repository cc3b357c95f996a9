namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>Tables the application owns (before the configured prefix).</summary>
public static class TableNames
{
    /// <summary>One partition per application: the application row and its audit trail.</summary>
    public const string Applications = "Applications";

    /// <summary>Idempotency keys of submissions.</summary>
    public const string IdempotencyKeys = "IdempotencyKeys";

    /// <summary>One partition per application: one row per e-mail (event, occurrence, recipient) and its delivery state.</summary>
    public const string Notifications = "Notifications";

    public static readonly IReadOnlyList<string> All = [Applications, IdempotencyKeys, Notifications];
}
