using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// <c>GET /api/targets[?year=]</c> (officers): each target of section II.2 with what the applications achieved so far
/// (counting applications up to <c>year</c> when given), how much is pending, and whether it is met. Targets whose
/// figure comes from outside the system (TFP) are listed with <c>measured: false</c>.
/// </summary>
public sealed class TargetsHandler(OfficerAuthenticator officers, IApplicationDirectory applications, ProgrammeCatalogue catalogue,
    Domain.Activities.IActivityRepository activities)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return problem!;
        }

        var records = new List<TargetRecord>();
        await foreach (var application in applications.AllAsync(cancellationToken))
        {
            records.Add(TargetRecord.Of(application));
        }

        var activityList = await activities.ListAsync(null, null, cancellationToken); // programme activities feed activityOutputs measures
        var targets = TargetProgressCalculator.Calculate(catalogue, records, year, activityList).Select(p => new
        {
            id = p.Target.Id,
            text = p.Target.Text,
            value = p.Target.Value,
            unit = p.Target.Unit,
            byYear = p.Target.ByYear,
            comparison = p.Target.Comparison.ToString(),
            measured = p.Measured,
            achieved = p.Measured ? p.Achieved : (decimal?)null,
            pending = p.Measured ? p.Pending : (decimal?)null,
            met = p.Met,
            summary = p.Summary,
        });
        return Results.Json(new { year, targets }, ApiJson.Options);
    }
}
