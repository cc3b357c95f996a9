namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// Everything the year-end programme report (báo cáo kết quả thực hiện Kế hoạch năm N) shows, ready to print:
/// the budget table laid out like the plan's appendix (plan as printed, approved, disbursed, per line and year),
/// targets against results, the enterprises supported, overdue items and the catalogue's validation findings.
/// Built by <see cref="YearEndReportAssembler"/>; stored as JSON beside each report, so only add fields.
/// </summary>
public sealed record YearEndReportData(
    DocumentHeader Header,
    Signatory Signatory,
    int Year,
    DateOnly AsOf,
    string ProgrammeId,
    string ProgrammeReference,
    string ProgrammeTitle,
    string Addressee,
    string BudgetUnit,
    IReadOnlyList<int> Years,
    IReadOnlyList<YearEndBudgetRow> BudgetRows,
    YearEndBudgetRow TotalRow,
    IReadOnlyList<YearEndTargetRow> Targets,
    IReadOnlyList<SupportedEnterpriseRow> Enterprises,
    IReadOnlyList<OverdueItemRow> Overdue,
    IReadOnlyList<string> CatalogueFindings,
    IReadOnlyList<string> Recipients);

/// <summary>
/// One row of the appendix: a group ("I", <see cref="IsGroup"/>), an item ("I.1", shown as "1") or the total row.
/// Plan figures are in million VND exactly as the appendix prints them (null where the cell is empty);
/// approved and disbursed are in đồng, from the ledger.
/// </summary>
public sealed record YearEndBudgetRow(
    string LineId,
    string Label,
    string Name,
    bool IsGroup,
    IReadOnlyList<YearEndBudgetCell> Cells,
    decimal? PrintedPlanTotal,
    string? Note)
{
    public YearEndBudgetCell? In(int year) => Cells.FirstOrDefault(c => c.Year == year);

    public long ApprovedTotalVnd => Cells.Sum(c => c.ApprovedVnd);

    public long DisbursedTotalVnd => Cells.Sum(c => c.DisbursedVnd);

    public long AllocatedTotalVnd => Cells.Sum(c => c.AllocatedVnd);
}

/// <summary>
/// One year of a row: the printed plan (million VND, null when empty), approved and disbursed (đồng), and what may be
/// spent (<see cref="AllocatedVnd"/>, đồng: the allocation recorded, else the printed plan; 0 on lồng ghép items).
/// </summary>
public sealed record YearEndBudgetCell(int Year, decimal? PlanMillion, long ApprovedVnd, long DisbursedVnd, long AllocatedVnd = 0);

/// <summary>
/// A target of section II.2 against the result so far; <see cref="Actual"/> is null when nobody reported it. For a
/// value an officer entered (<c>IndicatorValue</c>): where it comes from (<see cref="Source"/>), the period it measures
/// (<see cref="Period"/>, "năm 2025"), when and by whom it was entered. For a counted target they describe an entered
/// figure shown beside the count, if any.
/// </summary>
public sealed record YearEndTargetRow(
    string TargetId,
    string Text,
    string Comparison,
    decimal Value,
    string Unit,
    int ByYear,
    decimal? Actual,
    string? Note,
    TargetStatus Status,
    string? Source = null,
    string? Period = null,
    DateOnly? RecordedOn = null,
    string? RecordedBy = null,
    decimal? Entered = null);

/// <summary>How a target stands. Stored by name: only add.</summary>
public enum TargetStatus
{
    /// <summary>No figure reported.</summary>
    NoData,

    /// <summary>Reached.</summary>
    Achieved,

    /// <summary>Not reached, its year not over yet.</summary>
    InProgress,

    /// <summary>Not reached and its year is over.</summary>
    Missed,
}

/// <summary>
/// One supported enterprise's task: who, what, which line and year, how much approved and disbursed (đồng), and
/// where it stands (Vietnamese status text, e.g. from <c>ApplicationStatusText</c>).
/// </summary>
public sealed record SupportedEnterpriseRow(
    string ApplicationId,
    string TrackingCode,
    string EnterpriseName,
    string EnterpriseCode,
    string TaskTitle,
    string BudgetLineId,
    int BudgetYear,
    long ApprovedVnd,
    long DisbursedVnd,
    string Status,
    bool IsPilotModel = false)
{
    /// <summary>Where the support is funded from when it is not this plan's money (lồng ghép); null for this plan's budget.</summary>
    public string? IntegratedFundingFrom { get; init; }

    /// <summary>The enterprise's own contribution (đối ứng, đồng) as its application states it (Kế hoạch V.1.b); null when not stated.</summary>
    public long? OwnContributionVnd { get; init; }

    /// <summary>The task's co-funding from other programmes and sources (lồng ghép), as declared or corrected at approval; null: none.</summary>
    public IReadOnlyList<Applications.CoFundingSource>? CoFunding { get; init; }

    /// <summary>The co-funding's sum in đồng (0: none).</summary>
    public long CoFundingVnd => Applications.CoFundingRules.Total(CoFunding);
}

/// <summary>Something late on the report date: whose, what, when it was due and by how many working days.</summary>
public sealed record OverdueItemRow(
    string TrackingCode,
    string EnterpriseName,
    string What,
    DateOnly DueDate,
    int WorkingDaysOverdue,
    string? ResponsibleOfficer);
