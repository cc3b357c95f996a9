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
public static partial class YearEndReportAssembler
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

        var years = ReportYears(programme.Years, year);
        var rows = new List<YearEndBudgetRow>();
        var groupRows = new List<YearEndBudgetRow>();
        foreach (var group in programme.BudgetLines)
        {
            var items = group.Items.Select(item => Row(item, ItemLabel(item.Id), false, years, [item], byKey, mismatches)).ToList();
            IReadOnlyList<BudgetLine> leaves = group.Items.Count == 0 ? [group] : group.Items;
            var groupRow = Row(group, group.Id, true, years, leaves, byKey, mismatches);
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
            years.Select(y => new YearEndBudgetCell(
                y, total.AmountIn(y), groupRows.Sum(r => r.In(y)?.ApprovedVnd ?? 0), groupRows.Sum(r => r.In(y)?.DisbursedVnd ?? 0),
                groupRows.Sum(r => r.In(y)?.AllocatedVnd ?? 0))).ToList(),
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
            years,
            rows,
            totalRow,
            programme.Targets.Select(t => Target(t, progress.TargetResults, indicators ?? [], year)).ToList(),
            progress.Enterprises.Where(e => e.BudgetYear <= year).ToList(),
            progress.Overdue,
            catalogue.Report.Findings.Where(f => f.Kind != FindingKind.IntegratedElsewhere).Select(FindingText).ToList(),
            layout.RecipientsFor(layout.Addressee));
    }

    /// <summary>"Kế hoạch số 37/KH-UBND ngày 23/02/2022 của UBND thành phố Đà Nẵng".</summary>
    public static string ProgrammeReference(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var date = programme.IssuedOn is { } d ? " ngày " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : string.Empty;
        return $"Kế hoạch số {programme.Id}{date} của {programme.IssuedBy}";
    }

    /// <summary>
    /// The appendix's year columns: the plan's years (2022–2025) and every later year up to the one reported on, so a
    /// report on 2026 has its own column (the programme runs to 2030 on allocations only).
    /// </summary>
    public static IReadOnlyList<int> ReportYears(IReadOnlyList<int> planYears, int year)
    {
        ArgumentNullException.ThrowIfNull(planYears);
        if (planYears.Count == 0)
        {
            return [year];
        }

        var first = planYears.Min();
        return planYears.Concat(Enumerable.Range(first, Math.Max(0, year - first + 1))).Distinct().Order().ToList();
    }

    /// <summary>
    /// What may be spent on an item in a year: the allocation recorded (dự toán được giao, with transfers), else the
    /// plan's printed figure; nothing on a lồng ghép item or a year without either. Execution rates are taken over this.
    /// </summary>
    public static long SpendableVnd(BudgetLine item, int year, LedgerBalance? balance)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsIntegrated)
        {
            return 0;
        }

        if (balance is { CeilingSource: CeilingSource.Recorded })
        {
            return balance.CeilingVnd;
        }

        return item.AmountIn(year) is { } million ? (long)decimal.Round(million * 1_000_000m) : 0;
    }

    static YearEndBudgetRow Row(
        BudgetLine line, string label, bool isGroup, IReadOnlyList<int> years, IReadOnlyList<BudgetLine> leaves,
        Dictionary<BudgetKey, LedgerBalance> balances, List<CatalogueFinding> mismatches)
    {
        var cells = years.Select(y =>
        {
            var held = leaves.Select(l => balances.GetValueOrDefault(new BudgetKey(l.Id, y))).Where(b => b is not null).ToList();
            return new YearEndBudgetCell(
                y,
                line.AmountIn(y),
                held.Sum(b => b!.ReservedVnd + b.CommittedVnd + b.DisbursedVnd),
                held.Sum(b => b!.DisbursedVnd),
                leaves.Sum(l => SpendableVnd(l, y, balances.GetValueOrDefault(new BudgetKey(l.Id, y)))));
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
        return new YearEndTargetRow(target.Id, target.Text, comparison, target.Value, target.Unit, target.ByYear, actual, AssessmentNote(result?.Note), status,
            entered?.Source, entered?.Period.Label, entered is null ? null : DateOnly.FromDateTime(entered.RecordedAtUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime),
            entered?.RecordedByName, entered?.Value);
    }

    /// <summary>
    /// The counting's note without what the row already says: the calculator's sentence ("Đạt 0 lượt … đến năm 2025
    /// (0%), chỉ tiêu … Chưa đạt chỉ tiêu.") repeats the result, the target and the verdict; only its "đang trong quy
    /// trình" part is news. Any other note (a figure's source) is kept as it is.
    /// </summary>
    public static string? AssessmentNote(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }

        var summary = CalculatorSummary().Match(note);
        if (!summary.Success)
        {
            return note;
        }

        return summary.Groups["pending"].Success ? summary.Groups["pending"].Value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Đạt .+, chỉ tiêu .+ đến năm \d{4}(?:; (?<pending>.+ đang trong quy trình))?\. (?:Đã đạt|Chưa đạt) chỉ tiêu\.$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CalculatorSummary();

    static bool Reached(ProgrammeTarget target, decimal actual) =>
        target.Comparison == TargetComparison.GreaterThan ? actual > target.Value : actual >= target.Value;

    static string FindingText(CatalogueFinding finding) =>
        finding.Acknowledged && finding.AcknowledgementNote is { } note ? $"{finding.Message} Đã ghi nhận: {note}" : finding.Message;

    static string Million(decimal? value) =>
        value is { } v ? v.ToString("#,0.###", new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalSeparator = "," }) : "trống";
}

/// <summary>
/// The parts of the year-end report that are not data: who signs, whom it is addressed to, who receives copies. The
/// addressee ("Kính gửi") receives the report as "Như trên;": "Nơi nhận" never names it again.
/// </summary>
public sealed partial record YearEndReportLayout(Signatory Signatory, string Addressee, IReadOnlyList<string> Recipients)
{
    /// <summary>
    /// "Nơi nhận" of a report addressed to <paramref name="addressee"/>: "Như trên;" first, then the configured lines
    /// less any that names the addressee again ("UBND thành phố (để b/c);" under "Kính gửi: Ủy ban nhân dân thành phố
    /// Đà Nẵng", a setting written before this rule).
    /// </summary>
    public IReadOnlyList<string> RecipientsFor(string addressee)
    {
        ArgumentNullException.ThrowIfNull(addressee);
        var to = Plain(addressee);
        var others = Recipients.Where(r => !Plain(r).StartsWith("như trên", StringComparison.Ordinal) && !(to.Length > 0 && Names(Plain(r), to)));
        return ["Như trên;", .. others];

        static bool Names(string line, string to) =>
            line.Length > 0 && (to.StartsWith(line, StringComparison.Ordinal) || line.StartsWith(to, StringComparison.Ordinal));
    }

    /// <summary>A recipient line or addressee compared loosely: lower case, "UBND" spelled out, "(để b/c)" and the closing punctuation dropped.</summary>
    static string Plain(string text)
    {
        var plain = text.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant().Replace("(để b/c)", string.Empty, StringComparison.Ordinal)
            .Replace("ubnd", "ủy ban nhân dân", StringComparison.Ordinal).Replace("uỷ", "ủy", StringComparison.Ordinal);
        return Spaces().Replace(plain, " ").Trim().TrimEnd(';', '.', ',').Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    public static YearEndReportLayout Default { get; } = new(
        Signatory.DepartmentDirector(),
        "Ủy ban nhân dân thành phố Đà Nẵng",
        [
            "Như trên;",
            "Bộ Khoa học và Công nghệ (để b/c);",
            "Sở Tài chính;",
            "Lãnh đạo Sở;",
            ProgrammeDivision.FilingLine,
        ]);
}
