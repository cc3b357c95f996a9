using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Reports;

namespace NsclWorkflows.Api.Reports.Runs;

/// <summary>
/// What the year-end schedule also does (both hosts): opens the year's yearly report run, marked as the Department's
/// default (the plan names no date), with its figures cut at <see cref="YearEndReportOptions.DefaultRunCutOff"/> and
/// due on <see cref="YearEndReportOptions.DefaultRunDue"/> of the next year. One per year: its id is
/// <c>rr-default-{year}</c>, so a doubled or caught-up occurrence opens nothing more.
/// </summary>
public sealed class DefaultYearlyRunOpener(
    IReportRunRepository runs, IOptions<YearEndReportOptions> options, YearEndReportLayout layout, TimeProvider time, ReportRunWorkflows? workflows = null)
{
    public static string IdOf(int year) => "rr-default-" + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens the default run of <paramref name="year"/>; false when it exists already.</summary>
    public Task<bool> OpenAsync(int year, string by, CancellationToken cancellationToken) => OpenAsync(year, by, null, cancellationToken);

    /// <summary>
    /// As <see cref="OpenAsync(int, string, CancellationToken)"/>, and starts the run's workflow through
    /// <paramref name="durable"/> (when given) unless it runs already, also for a run opened before.
    /// </summary>
    public async Task<bool> OpenAsync(int year, string by, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        var cutOff = Day(options.Value.DefaultRunCutOff, year, nameof(YearEndReportOptions.DefaultRunCutOff));
        var due = Day(options.Value.DefaultRunDue, year + 1, nameof(YearEndReportOptions.DefaultRunDue));
        var run = new ReportRun
        {
            Id = IdOf(year),
            Kind = ReportKind.Yearly,
            PeriodFrom = new DateOnly(year, 1, 1),
            PeriodTo = new DateOnly(year, 12, 31),
            Addressee = layout.Addressee,
            DueDate = due,
            DataCutOff = cutOff,
            IsDepartmentDefault = true,
            State = ReportRunState.Drafting,
            CreatedBy = by,
            CreatedAtUtc = time.GetUtcNow(),
        };
        var opened = await runs.TryAddAsync(run, cancellationToken).ConfigureAwait(false);
        if (durable is not null && workflows is not null && await runs.FindAsync(run.Id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            await workflows.StartAsync(durable, stored, cancellationToken).ConfigureAwait(false);
        }

        return opened;
    }

    static DateOnly Day(string monthDay, int year, string setting) =>
        DateOnly.TryParseExact($"{year.ToString("D4", CultureInfo.InvariantCulture)}-{monthDay}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"{YearEndReportOptions.Section}:{setting} must be a day as MM-dd (e.g. 12-31), not '{monthDay}'.");
}
