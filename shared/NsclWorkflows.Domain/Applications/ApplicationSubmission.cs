namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// What an enterprise (or, for expert training, a nominating organisation) submitted, after validation and
/// normalisation (NFC, trimmed). Stored with the application and in workflow history: fields are only ever added.
/// </summary>
/// <remarks>
/// <see cref="EnterpriseCode"/> is empty when a public body nominates (<see cref="OrganisationTypes.PublicBody"/>),
/// which has no mã số doanh nghiệp; <see cref="EnterpriseName"/> is then the body's name.
/// </remarks>
public sealed record ApplicationSubmission(
    string EnterpriseCode,
    string EnterpriseName,
    string ContactName,
    string ContactEmail,
    string Phone,
    string SupportKindId,
    string Title,
    string Summary,
    long RequestedAmountVnd)
{
    /// <summary>Who submits: <see cref="OrganisationTypes.Enterprise"/> (null, the default) or <see cref="OrganisationTypes.PublicBody"/>.</summary>
    public string? OrganisationType { get; init; }

    /// <summary>The persons nominated (expert training, I.2); null for kinds that nominate nobody.</summary>
    public IReadOnlyList<Nominee>? Nominees { get; init; }

    /// <summary>The legal representative (người đại diện theo pháp luật), distinct from the contact person; null on files submitted before the form asked.</summary>
    public string? LegalRepresentativeName { get; init; }

    /// <summary>The legal representative's position (Giám đốc, Tổng giám đốc, Chủ tịch HĐQT…).</summary>
    public string? LegalRepresentativePosition { get; init; }

    /// <summary>Head-office address (street, ward or commune), without the district.</summary>
    public string? Address { get; init; }

    /// <summary>The district's id in <see cref="ApplicationForm.Districts"/>.</summary>
    public string? DistrictId { get; init; }

    /// <summary>VSIC 2018 level-2 code of the main sector (two digits); null for a public body that did not give one.</summary>
    public string? SectorCode { get; init; }

    /// <summary>Employees (average of the last year, with social insurance); null for a public body that did not give it.</summary>
    public int? Employees { get; init; }

    /// <summary>Annual revenue band's id in <see cref="ApplicationForm.RevenueBands"/>; null for a public body that did not give one.</summary>
    public string? RevenueBandId { get; init; }

    /// <summary>The enterprise's own contribution to the task (đối ứng), in đồng.</summary>
    public long? OwnContributionVnd { get; init; }

    /// <summary>The task's duration in months.</summary>
    public int? DurationMonths { get; init; }

    /// <summary>
    /// How the task is selected when not by the enterprise's application: <see cref="Selections.Order"/> (đặt hàng) or
    /// <see cref="Selections.DirectAssignment"/> (giao trực tiếp), set by the officer who created it; null: an application.
    /// </summary>
    public string? Selection { get; init; }

    /// <summary>The call for applications the file answers (đợt tuyển chọn, xét chọn); null: a rolling kind applied for at any time.</summary>
    public string? CallId { get; init; }

    /// <summary>The task's co-funding from other programmes and sources (lồng ghép, <see cref="CoFundingRules"/>); null: none declared.</summary>
    public IReadOnlyList<CoFundingSource>? CoFunding { get; init; }

    /// <summary>The co-funding's sum in đồng (0: none). Not serialised: the idempotency fingerprint of a submission made before co-funding stays the same.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long CoFundingVnd => CoFundingRules.Total(CoFunding);

    /// <summary>The task's total cost: the support (<paramref name="supportVnd"/>, the approved or requested amount), the own contribution and the co-funding.</summary>
    public long TotalCostVnd(long supportVnd) => supportVnd + (OwnContributionVnd ?? 0) + CoFundingVnd;

    /// <summary>The head office as printed: the address as given, with "thành phố Đà Nẵng" unless it names the city; null when the file has none.</summary>
    public string? FullAddress() =>
        string.IsNullOrEmpty(Address) ? null
        : Address.Contains("Đà Nẵng", StringComparison.OrdinalIgnoreCase) ? Address
        : $"{Address}, thành phố Đà Nẵng";

    /// <summary>True when a public body (sở, ban, ngành, đơn vị sự nghiệp) submitted, not an enterprise.</summary>
    public bool IsPublicBody => OrganisationType == OrganisationTypes.PublicBody;
}

/// <summary>A person nominated for expert training: name, organisation (an enterprise or a public body) and position.</summary>
public sealed record Nominee(string Name, string Organisation, string? Position);

/// <summary>How a task is selected besides an application (stored: never rename one).</summary>
public static class Selections
{
    public const string Order = "order";
    public const string DirectAssignment = "direct-assignment";

    public static readonly IReadOnlyList<string> All = [Order, DirectAssignment];

    /// <summary>"đặt hàng", "giao trực tiếp".</summary>
    public static string Vietnamese(string? selection) => selection == DirectAssignment ? "giao trực tiếp" : "đặt hàng";
}

/// <summary>The kinds of organisation that may submit. Stored: never rename one.</summary>
public static class OrganisationTypes
{
    public const string Enterprise = "enterprise";
    public const string PublicBody = "public-body";

    public static readonly IReadOnlyList<string> All = [Enterprise, PublicBody];
}
