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

    /// <summary>The fields of one nominee (<c>nominees[i].name</c> …).</summary>
    public const string NomineeName = "name";
    public const string NomineeOrganisation = "organisation";
    public const string NomineePosition = "position";

    /// <summary>Most persons one application may nominate.</summary>
    public const int MaxNominees = 30;

    public static readonly IReadOnlyList<string> All =
    [
        EnterpriseCode, EnterpriseName, ContactName, ContactEmail, Phone, SupportKindId, Title, Summary, RequestedAmountVnd,
        OrganisationType, Nominees,
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
        _ => field.Contains('.', StringComparison.Ordinal) ? Label(field[(field.LastIndexOf('.') + 1)..]) : field,
    };
}
