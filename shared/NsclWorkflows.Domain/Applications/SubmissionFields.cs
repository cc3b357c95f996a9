namespace NsclWorkflows.Domain.Applications;

/// <summary>The JSON names of the submission fields, used in error reports.</summary>
public static class SubmissionFields
{
    public const string EnterpriseCode = "enterpriseCode";
    public const string EnterpriseName = "enterpriseName";
    public const string ContactName = "contactName";
    public const string ContactEmail = "contactEmail";
    public const string Phone = "phone";
    public const string SupportKindId = "supportKindId";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string RequestedAmountVnd = "requestedAmountVnd";
    public const string OrganisationType = "organisationType";
    public const string Nominees = "nominees";
    public const string LegalRepresentativeName = "legalRepresentativeName";
    public const string LegalRepresentativePosition = "legalRepresentativePosition";
    public const string Address = "address";
    public const string DistrictId = "districtId";
    public const string SectorCode = "sectorCode";
    public const string Employees = "employees";
    public const string RevenueBandId = "revenueBandId";
    public const string OwnContributionVnd = "ownContributionVnd";
    public const string DurationMonths = "durationMonths";
    public const string CallId = "callId";
    public const string CoFunding = "coFunding";

    /// <summary>The fields of one nominee (<c>nominees[i].name</c> …).</summary>
    public const string NomineeName = "name";
    public const string NomineeOrganisation = "organisation";
    public const string NomineePosition = "position";

    /// <summary>Most persons one application may nominate.</summary>
    public const int MaxNominees = 30;

    public static readonly IReadOnlyList<string> All =
    [
        EnterpriseCode, EnterpriseName, ContactName, ContactEmail, Phone, SupportKindId, Title, Summary, RequestedAmountVnd,
        OrganisationType, Nominees, LegalRepresentativeName, LegalRepresentativePosition, Address, DistrictId, SectorCode, Employees,
        RevenueBandId, OwnContributionVnd, DurationMonths, CallId, CoFunding,
    ];

    /// <summary>Vietnamese labels, as a form shows them.</summary>
    public static string Label(string field) => field switch
    {
        EnterpriseCode => "Mã số doanh nghiệp",
        EnterpriseName => "Tên doanh nghiệp",
        ContactName => "Người liên hệ",
        ContactEmail => "Email liên hệ",
        Phone => "Số điện thoại",
        SupportKindId => "Nội dung hỗ trợ",
        Title => "Tên nhiệm vụ",
        Summary => "Tóm tắt nội dung",
        RequestedAmountVnd => "Kinh phí đề nghị hỗ trợ",
        OrganisationType => "Loại tổ chức",
        Nominees => "Danh sách người được đề cử",
        NomineeName => "Họ và tên người được đề cử",
        NomineeOrganisation => "Cơ quan, đơn vị công tác",
        NomineePosition => "Chức vụ",
        LegalRepresentativeName => "Người đại diện theo pháp luật",
        LegalRepresentativePosition => "Chức vụ của người đại diện theo pháp luật",
        CallId => "Đợt tuyển chọn",
        Address => "Địa chỉ trụ sở chính",
        DistrictId => "Địa bàn (quận, huyện)",
        SectorCode => "Ngành kinh tế chính (VSIC cấp 2)",
        Employees => "Số lao động",
        RevenueBandId => "Doanh thu năm",
        OwnContributionVnd => "Kinh phí đối ứng của doanh nghiệp",
        DurationMonths => "Thời gian thực hiện (tháng)",
        CoFunding => "Kinh phí lồng ghép từ chương trình, nguồn khác",
        CoFundingRules.SourceIdField => "Nguồn kinh phí lồng ghép",
        CoFundingRules.OtherNameField => "Tên nguồn kinh phí khác",
        CoFundingRules.AmountField => "Số tiền",
        _ => field.Contains('.', StringComparison.Ordinal) ? Label(field[(field.LastIndexOf('.') + 1)..]) : field,
    };
}
