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

    /// <summary>The district as the form names it; null on files submitted before the form asked.</summary>
    public string? District { get; init; }

    /// <summary>The main sector, "10 – Sản xuất, chế biến thực phẩm" (VSIC 2018 level 2); null when not given.</summary>
    public string? Sector { get; init; }

    /// <summary>Size: employees and annual revenue band, as a phrase; null when not given.</summary>
    public string? Size { get; init; }

    /// <summary>The enterprise's own contribution (đối ứng) in đồng; null on files submitted before the form asked.</summary>
    public long? OwnContributionVnd { get; init; }

    /// <summary>The task's co-funding from other programmes and sources (lồng ghép), as declared or corrected at approval; null: none.</summary>
    public IReadOnlyList<Applications.CoFundingSource>? CoFunding { get; init; }

    /// <summary>The task's duration in months as applied for; null on files submitted before the form asked.</summary>
    public int? DurationMonths { get; init; }
}

/// <summary>
/// The enterprise: name, mã số doanh nghiệp, and optionally address, legal representative (người đại diện theo pháp
/// luật) with the position, and the contact person the application names (người liên hệ), a different field.
/// </summary>
public sealed record EnterpriseParty(
    string Name,
    string EnterpriseCode,
    string? Address = null,
    string? Representative = null,
    string? RepresentativeTitle = null,
    string? ContactPerson = null);
