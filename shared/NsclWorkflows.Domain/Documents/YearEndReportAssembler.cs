using System.Globalization;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// Puts the year-end report's data together: the catalogue's lines as printed, the ledger's balances (money is held
/// on items; a group shows the sum of its items, the total row the sum of the groups), the lifecycle's progress, and
/// the catalogue's validation findings, and the indicator values officers entered (a target no application counts, such
/// as the TFP share, shows the current entered value with its source). Pure: the same inputs give the same data.
/// </summary>
public static class YearEndReportAssembler
{
    public static YearEndReportData Assemble(
        ProgrammeCatalogue catalogue,
        IReadOnlyList<LedgerBalance> balances,
        ProgrammeProgress progress,
        YearEndReportLayout layout,
        int year,
        DateOnly asOf,
        IReadOnlyList<IndicatorValue>? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(layout);
        var programme = catalogue.Programme;
        var byKey = balances.GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.Last());
        var mismatches = catalogue.Report.Findings.Where(f => f.Kind == FindingKind.Mismatch).ToList();

        var rows = new List<YearEndBudgetRow>();
        var groupRows = new List<YearEndBudgetRow>();
        foreach (var group in programme.BudgetLines)
        {
            var items = group.Items.Select(item => Row(item, ItemLabel(item.Id), false, programme.Years, [item.Id], byKey, mismatches)).ToList();
            var leafIds = group.Items.Count == 0 ? [group.Id] : group.Items.Select(i => i.Id).ToArray();
            var groupRow = Row(group, group.Id, true, programme.Years, leafIds, byKey, mismatches);
            rows.Add(groupRow);
            rows.AddRange(items);
            groupRows.Add(groupRow);
        }

        var total = programme.PrintedTotalRow;
        var totalRow = new YearEndBudgetRow(
            total.Id,
            string.Empty,
            total.Name,
            true,
            programme.Years.Select(y => new YearEndBudgetCell(
                y, total.AmountIn(y), groupRows.Sum(r => r.In(y)?.ApprovedVnd ?? 0), groupRows.Sum(r => r.In(y)?.DisbursedVnd ?? 0))).ToList(),
            total.PrintedTotal,
            Note(null, total.Id, mismatches));

        return new YearEndReportData(
            DocumentHeader.OfDepartment(DocumentSymbols.Report, asOf),
            layout.Signatory,
            year,
            asOf,
            programme.Id,
            ProgrammeReference(programme),
            programme.Title,
            layout.Addressee,
            programme.BudgetUnit,
            programme.Years,
            rows,
            totalRow,
            programme.Targets.Select(t => Target(t, progress.TargetResults, indicators ?? [], year)).ToList(),
            progress.Enterprises.Where(e => e.BudgetYear <= year).ToList(),
            progress.Overdue,
            catalogue.Report.Findings.Where(f => f.Kind != FindingKind.IntegratedElsewhere).Select(FindingText).ToList(),
            layout.Recipients);
    }

    /// <summary>"Kế hoạch số 37/KH-UBND ngày 23/02/2022 của UBND thành phố Đà Nẵng".</summary>
    public static string ProgrammeReference(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var date = programme.IssuedOn is { } d ? " ngày " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : string.Empty;
        return $"Kế hoạch số {programme.Id}{date} của {programme.IssuedBy}";
    }

    static YearEndBudgetRow Row(
        BudgetLine line, string label, bool isGroup, IReadOnlyList<int> years, IReadOnlyList<string> leafIds,
        Dictionary<BudgetKey, LedgerBalance> balances, List<CatalogueFinding> mismatches)
    {
        var cells = years.Select(y =>
        {
            var held = leafIds.Select(id => balances.GetValueOrDefault(new BudgetKey(id, y))).Where(b => b is not null).ToList();
            return new YearEndBudgetCell(
                y,
                line.AmountIn(y),
                held.Sum(b => b!.ReservedVnd + b.CommittedVnd + b.DisbursedVnd),
                held.Sum(b => b!.DisbursedVnd));
        }).ToList();
        return new YearEndBudgetRow(line.Id, label, line.Name, isGroup, cells, line.PrintedTotal, Note(line.FundingNote, line.Id, mismatches));
    }

    /// <summary>"I.3" prints as "3" under its group, as in the appendix.</summary>
    static string ItemLabel(string id) => id[(id.LastIndexOf('.') + 1)..];

    static string? Note(string? fundingNote, string lineId, List<CatalogueFinding> mismatches)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(fundingNote))
        {
            parts.Add(fundingNote);
        }

        parts.AddRange(mismatches.Where(m => m.LineId == lineId).Select(m =>
            $"{(m.Year is { } y ? "Năm " + y.ToString(CultureInfo.InvariantCulture) : "Cột Cộng")}: số in {Million(m.Printed)}, cộng các dòng được {Million(m.Computed)}"));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    static YearEndTargetRow Target(ProgrammeTarget target, IReadOnlyList<TargetResult> results, IReadOnlyList<IndicatorValue> indicators, int year)
    {
        var result = results.LastOrDefault(r => r.TargetId == target.Id);
        var entered = IndicatorValueRules.Current(indicators, target, year);
        var actual = result?.Actual ?? entered?.Value;
        var status = actual is not { } a
            ? TargetStatus.NoData
            : Reached(target, a) ? TargetStatus.Achieved
            : year >= target.ByYear ? TargetStatus.Missed
            : TargetStatus.InProgress;
        var comparison = target.Comparison == TargetComparison.GreaterThan ? "Trên" : "Ít nhất";
        return new YearEndTargetRow(target.Id, target.Text, comparison, target.Value, target.Unit, target.ByYear, actual, result?.Note, status,
            entered?.Source, entered?.Period.Label, entered is null ? null : DateOnly.FromDateTime(entered.RecordedAtUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime),
            entered?.RecordedByName, entered?.Value);
    }

    static bool Reached(ProgrammeTarget target, decimal actual) =>
        target.Comparison == TargetComparison.GreaterThan ? actual > target.Value : actual >= target.Value;

    static string FindingText(CatalogueFinding finding) =>
        finding.Acknowledged && finding.AcknowledgementNote is { } note ? $"{finding.Message} Đã ghi nhận: {note}" : finding.Message;

    static string Million(decimal? value) =>
        value is { } v ? v.ToString("#,0.###", new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalSeparator = "," }) : "trống";
}

/// <summary>The parts of the year-end report that are not data: who signs, whom it is addressed to, who receives copies.</summary>
public sealed record YearEndReportLayout(Signatory Signatory, string Addressee, IReadOnlyList<string> Recipients)
{
    public static YearEndReportLayout Default { get; } = new(
        Signatory.DepartmentDirector(),
        "Ủy ban nhân dân thành phố Đà Nẵng",
        [
            "UBND thành phố (để b/c);",
            "Bộ Khoa học và Công nghệ (để b/c);",
            "Sở Tài chính;",
            "Lãnh đạo Sở;",
            "Lưu: VT, QLCN.",
        ]);
}
