using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Reports;

namespace NsclWorkflows.Api.Reports.Runs;

/// <summary>A report run as officers see it: its request, state, each lead unit's part, the narrative, the journal.</summary>
public sealed record ReportRunView(
    string Id, string Kind, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, string Addressee, DateOnly DueDate, DateOnly DataCutOff,
    string? RequestNumber, DateOnly? RequestDate, bool IsDepartmentDefault, string State, string CreatedBy, DateTimeOffset CreatedAtUtc,
    IReadOnlyList<LeadUnitInputView> LeadUnits, ReportNarrativeView Narrative, string? ReturnedReason, string? ApprovedBy, DateTimeOffset? ApprovedAtUtc,
    int? ReportVersion, int? SignedCopyVersion, string? ReportUrl, int? FiguresVersion, IReadOnlyList<ReportRunNote> Journal)
{
    public static ReportRunView Of(ReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Kind.ToString(), run.Title, run.PeriodFrom, run.PeriodTo, run.Addressee, run.DueDate, run.DataCutOff, run.RequestNumber,
            run.RequestDate, run.IsDepartmentDefault, run.State.ToString(), run.CreatedBy, run.CreatedAtUtc,
            [.. run.LeadUnits.Select(u => new LeadUnitInputView(u.UnitId, u.UnitName, u.AskedAtUtc, u.RemindedAtUtc, u.EscalatedAtUtc, u.SubmittedAtUtc,
                u.SubmittedBy, u.Figures, u.Narrative, u.MailedAtUtc))],
            new(run.Narrative.GeneralAssessment, run.Narrative.Difficulties, run.Narrative.Recommendations, run.Narrative.Directions, run.Narrative.Revision,
                run.Narrative.SavedBy, run.Narrative.SavedAtUtc),
            run.ReturnedReason, run.ApprovedBy, run.ApprovedAtUtc, run.ReportVersion, run.SignedCopyVersion,
            run.ReportVersion is null ? null : $"/{ApiRoutes.Prefix}/report-runs/{run.Id}/report", run.FiguresVersion, run.Journal);
    }
}

/// <summary>One lead unit's part of a run, for officers (never its link's token).</summary>
public sealed record LeadUnitInputView(
    string UnitId, string UnitName, DateTimeOffset? AskedAtUtc, DateTimeOffset? RemindedAtUtc, DateTimeOffset? EscalatedAtUtc, DateTimeOffset? SubmittedAtUtc,
    string? SubmittedBy, IReadOnlyList<LeadUnitFigure> Figures, string? Narrative, DateTimeOffset? MailedAtUtc);

/// <summary>The narrative sections, its revision (sent back with the next save) and who saved it last.</summary>
public sealed record ReportNarrativeView(
    string GeneralAssessment, string Difficulties, string Recommendations, string Directions, int Revision, string? SavedBy, DateTimeOffset? SavedAtUtc);

/// <summary>The runs officers see.</summary>
public sealed record ReportRunsView(IReadOnlyList<ReportRunView> Items);

/// <summary>A run just opened, with each lead unit's input page (answered once here, for a unit without a configured address).</summary>
public sealed record ReportRunOpened(ReportRunView Run, IReadOnlyList<LeadUnitLinkView> LeadUnitLinks);

/// <summary>A lead unit's link to its input page.</summary>
public sealed record LeadUnitLinkView(string UnitId, string UnitName, string InputPage);

/// <summary>What a lead unit sees of a run: its own part only (never the other units', the officers' narrative or the journal).</summary>
public sealed record LeadUnitRunView(
    string RunId, string Title, string Addressee, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly Deadline, string UnitId, string UnitName, bool CanSubmit,
    DateTimeOffset? SubmittedAtUtc, IReadOnlyList<LeadUnitFigure> Figures, string? Narrative)
{
    public static LeadUnitRunView Of(ReportRun run, string unit)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = run.LeadUnits.Single(u => u.UnitId == unit);
        return new(run.Id, run.Title, run.Addressee, run.PeriodFrom, run.PeriodTo,
            ReportRunRules.LeadUnitDeadline(run, DateOnly.FromDateTime(run.CreatedAtUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime)),
            input.UnitId, input.UnitName, run.State == ReportRunState.AwaitingLeadUnits && !input.HasAnswered, input.SubmittedAtUtc, input.Figures, input.Narrative);
    }
}
