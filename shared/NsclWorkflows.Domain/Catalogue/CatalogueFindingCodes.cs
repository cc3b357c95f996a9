namespace NsclWorkflows.Domain.Catalogue;

/// <summary>Stable, English codes of catalogue validation findings. Never rename one.</summary>
public static class CatalogueFindingCodes
{
    public const string RowTotalMismatch = "row_total_mismatch";
    public const string GroupSumMismatch = "group_sum_mismatch";
    public const string GrandTotalMismatch = "grand_total_mismatch";
    public const string ItemIntegratedElsewhere = "item_integrated_elsewhere";
    public const string DuplicateId = "duplicate_id";
    public const string UnknownBudgetLine = "unknown_budget_line";
    public const string UnknownYear = "unknown_year";
    public const string NonPositivePolicyValue = "non_positive_policy_value";
    public const string UnusedAcknowledgement = "unused_acknowledgement";
    public const string UnknownSupportKind = "unknown_support_kind";
    public const string IntegratedLineWithFigures = "integrated_line_with_figures";
    public const string IntegratedLineWithoutSource = "integrated_line_without_source";
    public const string KindLineWithoutFunding = "kind_line_without_funding";
    public const string CapPerPersonWithoutNominees = "cap_per_person_without_nominees";
}
