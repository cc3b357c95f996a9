namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// A movement lost the write race on its line more often than the ledger retries. Transient: nothing was written, and
/// the caller (an activity with a retry policy) may simply try again with the same movement id.
/// </summary>
public sealed class BudgetLedgerContentionException : Exception
{
    public BudgetLedgerContentionException()
    {
    }

    public BudgetLedgerContentionException(string message)
        : base(message)
    {
    }

    public BudgetLedgerContentionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
