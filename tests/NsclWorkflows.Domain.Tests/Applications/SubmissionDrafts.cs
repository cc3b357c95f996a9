using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Tests.Applications;

/// <summary>Test-data builder: a valid draft, changed one field at a time with <c>with</c>.</summary>
public static class SubmissionDrafts
{
    public static SubmissionDraft Valid() => new()
    {
        EnterpriseCode = "0401234567",
        EnterpriseName = "Công ty TNHH Cơ khí Hòa Khánh",
        ContactName = "Nguyễn Thị Hạnh",
        ContactEmail = "hanh.nguyen@cokhihoakhanh.vn",
        Phone = "0236 3822 000",
        SupportKindId = "productivity-tools",
        Title = "Áp dụng Lean và 5S tại xưởng gia công",
        Summary = "Triển khai 5S và Lean cho hai dây chuyền gia công cơ khí, giảm 20% thời gian chờ.",
        RequestedAmountVnd = 150_000_000,
        LegalRepresentativeName = "Trần Văn Minh",
        LegalRepresentativePosition = "Giám đốc",
        Address = "Lô 12, đường số 3, Khu công nghiệp Hòa Khánh, phường Hòa Khánh",
        DistrictId = "lien-chieu",
        SectorCode = "25",
        Employees = 45,
        RevenueBandId = "tren-10-den-50-ty",
        OwnContributionVnd = 100_000_000,
        DurationMonths = 12,
    };
}
