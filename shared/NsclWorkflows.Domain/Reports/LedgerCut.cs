using NsclWorkflows.Domain.Budget;

namespace NsclWorkflows.Domain.Reports;

/// <summary>
/// The ledger as it stood at a report's data cut-off: today's balances with every movement recorded after the
/// cut-off taken back out (a reservation after it is not reserved at it; a payment after it is still committed at it).
/// Allocations (the ceilings) are the current ones.
/// </summary>
public static class LedgerCut
{
    /// <summary>The end of <paramref name="cutOff"/> in Đà Nẵng (UTC+7): movements after this instant are not in the report.</summary>
    public static DateTimeOffset EndOf(DateOnly cutOff) =>
        new DateTimeOffset(cutOff.ToDateTime(new TimeOnly(23, 59, 59, 999)), TimeSpan.FromHours(7)).ToUniversalTime();

    /// <summary>Whether a balance may hold movements to take out: it has money in use now.</summary>
    public static bool MayHaveMoved(LedgerBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return balance.UsedVnd > 0;
    }

    /// <summary><paramref name="balance"/> without the effect of the <paramref name="entries"/> recorded after <paramref name="cutOffUtc"/>.</summary>
    public static LedgerBalance AsOf(LedgerBalance balance, IEnumerable<LedgerEntry> entries, DateTimeOffset cutOffUtc)
    {
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(entries);
        long reserved = balance.ReservedVnd, committed = balance.CommittedVnd, disbursed = balance.DisbursedVnd;
        foreach (var entry in entries.Where(e => e.Key == balance.Key && e.AtUtc > cutOffUtc))
        {
            var amount = entry.AmountVnd;
            switch (entry.Kind)
            {
                case BudgetMovementKind.Reserve:
                    reserved -= amount;
                    break;
                case BudgetMovementKind.Release:
                    reserved += amount;
                    break;
                case BudgetMovementKind.Commit:
                    reserved += amount;
                    committed -= amount;
                    break;
                case BudgetMovementKind.Disburse:
                    committed += amount;
                    disbursed -= amount;
                    break;
            }
        }

        return balance with { ReservedVnd = Math.Max(0, reserved), CommittedVnd = Math.Max(0, committed), DisbursedVnd = Math.Max(0, disbursed) };
    }
}
