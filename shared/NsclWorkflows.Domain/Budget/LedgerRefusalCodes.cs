namespace NsclWorkflows.Domain.Budget;

/// <summary>Stable, English codes of the ledger's refusals. Clients may switch on them; never rename one.</summary>
public static class LedgerRefusalCodes
{
    /// <summary>A reservation larger than the line's remaining amount.</summary>
    public const string BudgetExceeded = "budget_exceeded";

    public const string ReleaseExceedsReserved = "release_exceeds_reserved";

    public const string CommitExceedsReserved = "commit_exceeds_reserved";

    public const string DisburseExceedsCommitted = "disburse_exceeds_committed";

    /// <summary>Zero or a negative amount.</summary>
    public const string AmountNotPositive = "amount_not_positive";

    /// <summary>The line is not a budget item of the catalogue (unknown, or a group such as "IV").</summary>
    public const string UnknownBudgetLine = "unknown_budget_line";

    /// <summary>The item exists but is funded elsewhere (lồng ghép): the catalogue gives it no figure in any year.</summary>
    public const string NoBudgetInYear = "no_budget_in_year";

    /// <summary>A reservation on an item and year with no allocation recorded and no printed plan figure.</summary>
    public const string NoAllocation = "no_allocation";

    /// <summary>An allocation lower than what the item already holds (reserved + committed + disbursed) in the year.</summary>
    public const string AllocationBelowUsed = "allocation_below_used";

    /// <summary>A transfer out of an item larger than its ceiling less what it already holds.</summary>
    public const string TransferExceedsAvailable = "transfer_exceeds_available";

    /// <summary>A negative allocation.</summary>
    public const string AmountNegative = "amount_negative";

    /// <summary>The movement id was already applied to a different movement (kind, amount or application).</summary>
    public const string MovementIdReused = "movement_id_reused";

    /// <summary>A draw larger than what the call's envelope still holds (its reservation less what approvals drew).</summary>
    public const string EnvelopeExceeded = "envelope_exceeded";
}
