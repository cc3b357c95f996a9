using Microsoft.AspNetCore.Http;
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
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return problem!;
        }

        var line = request.Query["line"].ToString();
        var balances = (await ledger.GetBalancesAsync(cancellationToken)).ToDictionary(b => b.Key);
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
        return Results.Json(new { currentYear, lines = rows }, ApiJson.Options);
    }

    /// <summary>One item and year as the API shows it.</summary>
    public static object Row(LedgerBalance b, BudgetPlan plan)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(plan);
        return new
        {
            lineId = b.Key.LineId,
            year = b.Key.Year,
            planVnd = plan.PlanVnd(b.Key),
            allocatedVnd = b.CeilingSource == CeilingSource.None ? (long?)null : b.CeilingVnd,
            allocationSource = b.CeilingSource.ToString().ToLowerInvariant(),
            reservedVnd = b.ReservedVnd,
            committedVnd = b.CommittedVnd,
            disbursedVnd = b.DisbursedVnd,
            remainingVnd = b.RemainingVnd,
        };
    }
}
