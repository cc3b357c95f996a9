namespace NsclWorkflows.Domain.Budget;

/// <summary>Why the ledger refused a movement: a stable code and a Vietnamese message an officer can read.</summary>
public sealed record LedgerRefusal(string Code, string Message);

/// <summary>
/// What <see cref="LedgerRules"/> decided: the balance and holding after the movement (unchanged when refused), and the
/// refusal if there is one.
/// </summary>
public sealed record LedgerDecision(LedgerBalance Balance, LedgerHolding Holding, LedgerRefusal? Refusal)
{
    /// <summary>For a draw: the holding the amount came from, after the movement (unchanged when refused).</summary>
    public LedgerHolding? Source { get; init; }

    public bool Applied => Refusal is null;

    /// <summary>The ledger's answer for this decision (a fresh movement, never a replay).</summary>
    public LedgerResult ToResult() => new(Applied, false, Refusal?.Code, Refusal?.Message, Balance);
}
