using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Api.Targets;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// <c>GET /api/targets[?year=]</c> (officers): each target of section II.2 with what the applications achieved so far
/// (counting applications up to <c>year</c> when given), how much is pending, and whether it is met. A target whose
/// figure comes from outside the system (TFP) shows the value officers entered with its source
/// (<see cref="IndicatorValuesHandler"/>): the current one for the year (<see cref="IndicatorValueRules.Current"/>),
/// with <c>measured: true</c> and <c>measuredBy: "entered"</c>; with no entry it stays <c>measured: false</c> and says
/// "chưa có số liệu". Counted targets keep their counting (<c>measuredBy: "applications"</c>) and show an entered
/// value, if any, beside it as <c>entered</c>. <c>canRecord</c> says whether the caller may enter values.
/// </summary>
public sealed class TargetsHandler(OfficerAuthenticator officers, IApplicationDirectory applications, ProgrammeCatalogue catalogue,
    IIndicatorValueStore indicators, Domain.Activities.IActivityRepository activities, Domain.Aggregates.IProgrammeAggregates aggregates)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return problem!;
        }

        var entered = await indicators.AllAsync(cancellationToken);
        var activityList = await activities.ListAsync(null, null, cancellationToken); // programme activities feed activityOutputs measures
        // The projection's counters (a few rows per kind and target); counted from every application only until they are complete.
        var progress = await aggregates.TargetProgressAsync(year, activityList, cancellationToken);
        if (progress is null)
        {
            var records = new List<TargetRecord>();
            await foreach (var application in applications.AllAsync(cancellationToken))
            {
                records.Add(TargetRecord.Of(application));
            }

            progress = TargetProgressCalculator.Calculate(catalogue, records, year, activityList);
        }

        var targets = progress.Select(p =>
        {
            var value = IndicatorValueRules.Current(entered, p.Target, year);
            var byEntry = !p.Measured && value is not null;
            return new
            {
                id = p.Target.Id,
                text = p.Target.Text,
                value = p.Target.Value,
                unit = p.Target.Unit,
                byYear = p.Target.ByYear,
                comparison = p.Target.Comparison.ToString(),
                measured = p.Measured || byEntry,
                measuredBy = p.Measured ? "applications" : byEntry ? "entered" : null,
                achieved = p.Measured ? p.Achieved : byEntry ? value!.Value : (decimal?)null,
                pending = p.Measured ? p.Pending : (decimal?)null,
                met = p.Measured ? p.Met : byEntry ? IndicatorValueRules.Reaches(p.Target, value!.Value) : null,
                entered = value is null ? null : IndicatorValuesHandler.View(p.Target, value, value),
                summary = p.Measured ? p.Summary
                    : byEntry ? $"Đạt {IndicatorValueRules.Describe(p.Target, value!)}."
                    : $"Chưa có số liệu. {p.Summary}",
            };
        });
        return Results.Json(new { year, canRecord = IndicatorValuesHandler.CanRecord(officers.Authenticate(request)), targets }, ApiJson.Options);
    }
}
