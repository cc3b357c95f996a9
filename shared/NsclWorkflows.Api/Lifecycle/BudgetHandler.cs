using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// <c>GET /api/budget[?year=&amp;line=]</c> (officers): per budget item and year the plan's printed figure (null when
/// none), the allocation the ledger spends against (the latest recorded, or the printed figure standing for it,
/// <c>allocationSource</c> "recorded", "plan" or "none"), reserved, committed, disbursed and remaining amounts in đồng.
/// Every funded item appears in every year of the plan, in the current year and in any year with an allocation or
/// movement, so a year without an allocation shows its items with none.
/// </summary>
public sealed class BudgetHandler(IBudgetLedger ledger, OfficerAuthenticator officers, ProgrammeCatalogue catalogue, BudgetPlan plan, TimeProvider time)
{
    public async Task<Results<ApiOk<BudgetView>, ProblemHttpResult>> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return problem!;
        }

        var line = request.Query["line"].ToString();
        // The dashboard asks for one year: only that year's balances are read.
        var balances = (year is { } only ? await ledger.GetBalancesAsync(only, cancellationToken) : await ledger.GetBalancesAsync(cancellationToken))
            .ToDictionary(b => b.Key);
        var currentYear = time.GetUtcNow().ToOffset(DeadlinePlanner.VietnamOffset).Year;
        var years = year is { } y
            ? [y]
            : balances.Keys.Select(k => k.Year).Append(currentYear).Where(plan.IsAllocationYear).Distinct().ToArray();
        foreach (var key in years.SelectMany(yr => plan.FundedItems.Select(id => new BudgetKey(id, yr))))
        {
            if (!balances.ContainsKey(key))
            {
                balances[key] = new LedgerBalance(key, plan.PlanVnd(key) ?? 0, 0, 0, 0);
            }
        }

        var rows = balances.Values
            .Where(b => year is null || b.Key.Year == year)
            .Where(b => line.Length == 0 || b.Key.LineId == line)
            .OrderBy(b => b.Key.LineId, StringComparer.Ordinal).ThenBy(b => b.Key.Year)
            .Select(b => Row(b, plan))
            .ToList();
        return ApiResults.Ok(new BudgetView(currentYear, rows));
    }

    /// <summary>One item and year as the API shows it.</summary>
    public static BudgetRowView Row(LedgerBalance b, BudgetPlan plan)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(plan);
        return new(b.Key.LineId, b.Key.Year, plan.PlanVnd(b.Key), b.CeilingSource == CeilingSource.None ? null : b.CeilingVnd,
            b.CeilingSource.ToString().ToLowerInvariant(), b.ReservedVnd, b.CommittedVnd, b.DisbursedVnd, b.RemainingVnd);
    }
}

/// <summary>The budget by item and year (<see cref="BudgetHandler"/>).</summary>
public sealed record BudgetView(int CurrentYear, IReadOnlyList<BudgetRowView> Lines);

/// <summary>One item and year: the plan's figure, the allocation (and where it comes from) and what is reserved, committed, disbursed and left, in đồng.</summary>
public sealed record BudgetRowView(string LineId, int Year, long? PlanVnd, long? AllocatedVnd, string AllocationSource, long ReservedVnd, long CommittedVnd,
    long DisbursedVnd, long RemainingVnd);
