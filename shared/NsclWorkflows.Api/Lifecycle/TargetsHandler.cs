using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
    public async Task<Results<ApiOk<TargetsView>, ProblemHttpResult>> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var year, out var problem))
        {
            return problem!;
        }

        // Independent reads at the same time: the recorded indicator values beside the activities and counters.
        var enteredTask = indicators.AllAsync(cancellationToken);
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

        var entered = await enteredTask;
        var targets = progress.Select(p =>
        {
            var value = IndicatorValueRules.Current(entered, p.Target, year);
            var byEntry = !p.Measured && value is not null;
            return new TargetView(
                p.Target.Id,
                p.Target.Text,
                p.Target.Value,
                p.Target.Unit,
                p.Target.ByYear,
                p.Target.Comparison.ToString(),
                Measured: p.Measured || byEntry,
                MeasuredBy: p.Measured ? "applications" : byEntry ? "entered" : null,
                Achieved: p.Measured ? p.Achieved : byEntry ? value!.Value : null,
                Pending: p.Measured ? p.Pending : null,
                Met: p.Measured ? p.Met : byEntry ? IndicatorValueRules.Reaches(p.Target, value!.Value) : null,
                Entered: value is null ? null : IndicatorValuesHandler.View(p.Target, value, value),
                Summary: p.Measured ? p.Summary
                    : byEntry ? $"Đạt {IndicatorValueRules.Describe(p.Target, value!)}."
                    : $"Chưa có số liệu. {p.Summary}");
        });
        return ApiResults.Ok(new TargetsView(year, IndicatorValuesHandler.CanRecord(officers.Authenticate(request)), [.. targets]));
    }
}

/// <summary>The programme's targets with their progress (<see cref="TargetsHandler"/>); <c>canRecord</c>: whether the caller may enter values.</summary>
public sealed record TargetsView(int? Year, bool CanRecord, IReadOnlyList<TargetView> Targets);

/// <summary>One target: what it asks, how it is measured, what is achieved and pending, whether it is met, the value entered if any.</summary>
public sealed record TargetView(string Id, string Text, decimal Value, string Unit, int ByYear, string Comparison, bool Measured, string? MeasuredBy,
    decimal? Achieved, decimal? Pending, bool? Met, IndicatorValueView? Entered, string Summary);
