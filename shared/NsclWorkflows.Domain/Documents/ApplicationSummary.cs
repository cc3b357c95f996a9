namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// The application as the per-application documents show it. Amounts in đồng (VND). <see cref="BudgetLineId"/> is
/// the catalogue item that pays ("IV.1"), <see cref="BudgetLineName"/> how documents cite it (the catalogue's short
/// name, else its wording in the appendix).
/// </summary>
public sealed record ApplicationSummary(
    string ApplicationId,
    string TrackingCode,
    EnterpriseParty Enterprise,
    string SupportKindName,
    string BudgetLineId,
    string BudgetLineName,
    string Title,
    string Summary,
    long RequestedAmountVnd)
{
    /// <summary>Where the support is funded from when it is lồng ghép (not this plan's budget); null for this plan's budget.</summary>
    public string? IntegratedFundingFrom { get; init; }

    /// <summary>The persons nominated (expert training), as "Họ tên, chức vụ, cơ quan"; empty for other kinds.</summary>
    public IReadOnlyList<string> Nominees { get; init; } = [];
}

/// <summary>
/// The enterprise: name, mã số doanh nghiệp, and optionally address, legal representative (người đại diện theo pháp
/// luật: the form does not collect it yet) and the contact person the application names (người liên hệ).
/// </summary>
public sealed record EnterpriseParty(
    string Name,
    string EnterpriseCode,
    string? Address = null,
    string? Representative = null,
    string? RepresentativeTitle = null,
    string? ContactPerson = null);
