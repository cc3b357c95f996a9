using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// The lifecycle's part of the year-end report, from the applications' stored state: every approved task up to the
/// report's year, what is overdue on the report date, and the counted targets.
/// </summary>
public static class ProgrammeProgressProjection
{
    public static ProgrammeProgress Project(IEnumerable<Application> applications, ProgrammeCatalogue catalogue, IWorkingDayCalendar calendar, int year, DateOnly asOf,
        IReadOnlyList<Activities.ProgrammeActivity>? activities = null)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(calendar);
        var all = applications.ToList();
        var asOfEnd = DeadlinePlanner.EndOfLocalDay(asOf);

        var supported = all
            .Where(a => a.Lifecycle.Approval is { } approval && approval.BudgetYear <= year)
            .OrderBy(a => a.Lifecycle.Approval!.BudgetYear).ThenBy(a => a.TrackingCode, StringComparer.Ordinal)
            .Select(a => new SupportedEnterpriseRow(a.Id, a.TrackingCode, a.Submission.EnterpriseName, a.Submission.EnterpriseCode, a.Submission.Title,
                a.Lifecycle.BudgetLineId, a.Lifecycle.Approval!.BudgetYear, a.Lifecycle.Approval.AmountVnd, a.Lifecycle.DisbursedVnd,
                ApplicationStatusText.Vietnamese(a.Status), a.Submission.SupportKindId == "pilot-model")
            {
                IntegratedFundingFrom = a.Lifecycle.IntegratedFundingFrom,
                OwnContributionVnd = a.Submission.OwnContributionVnd,
                CoFunding = a.Submission.CoFunding,
            })
            .ToList();

        var overdue = all
            .Where(a => !LifecycleRules.IsFinal(a.Status) && a.Lifecycle.StepDueUtc is { } due && due < asOfEnd)
            .OrderBy(a => a.Lifecycle.StepDueUtc)
            .Select(a =>
            {
                var due = DateOnly.FromDateTime(a.Lifecycle.StepDueUtc!.Value.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
                return new OverdueItemRow(a.TrackingCode, a.Submission.EnterpriseName, AwaitedStep.Title(a), due, calendar.WorkingDaysBetween(due, asOf),
                    a.DecidedBy);
            })
            .ToList();

        // Unpaid payables past their due-by date are overdue too (the accountant's step, beside what the file waits for).
        var unpaid = all
            .Where(a => !LifecycleRules.IsFinal(a.Status))
            .SelectMany(a => a.Lifecycle.OpenPayables.Where(p => p.DueUtc < asOfEnd).Select(p => (Application: a, Payable: p)))
            .Select(x =>
            {
                var due = DateOnly.FromDateTime(x.Payable.DueUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
                var name = $"Chi trả {x.Payable.Name}";
                return new OverdueItemRow(x.Application.TrackingCode, x.Application.Submission.EnterpriseName, name, due, calendar.WorkingDaysBetween(due, asOf),
                    x.Application.DecidedBy);
            });
        overdue = [.. overdue.Concat(unpaid).OrderBy(o => o.DueDate)];

        var records = all.Select(TargetRecord.Of);
        var targets = TargetProgressCalculator.Calculate(catalogue, records, year, activities)
            .Where(t => t.Measured)
            .Select(t => new TargetResult(t.Target.Id, t.Achieved, t.Summary))
            .ToList();

        return new ProgrammeProgress(supported, overdue, targets);
    }
}
