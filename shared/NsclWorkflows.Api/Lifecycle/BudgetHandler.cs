using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// <c>GET /api/budget[?year=&amp;line=]</c> (officers): per budget line and year the plan, reserved, committed,
/// disbursed and remaining amounts in đồng, from the ledger.
/// </summary>
public sealed class BudgetHandler(IBudgetLedger ledger, OfficerAuthenticator officers, ProgrammeCatalogue catalogue)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return problem!;
        }

        var line = request.Query["line"].ToString();
        var balances = await ledger.GetBalancesAsync(cancellationToken);
        var rows = balances
            .Where(b => year is null || b.Key.Year == year)
            .Where(b => line.Length == 0 || b.Key.LineId == line)
            .OrderBy(b => b.Key.LineId, StringComparer.Ordinal).ThenBy(b => b.Key.Year)
            .Select(b => new
            {
                lineId = b.Key.LineId,
                year = b.Key.Year,
                planVnd = b.PlanVnd,
                reservedVnd = b.ReservedVnd,
                committedVnd = b.CommittedVnd,
                disbursedVnd = b.DisbursedVnd,
                remainingVnd = b.RemainingVnd,
            })
            .ToList();
        return Results.Json(new { lines = rows }, ApiJson.Options);
    }
}
