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

    public static readonly IReadOnlyList<string> All =
    [
        EnterpriseCode, EnterpriseName, ContactName, ContactEmail, Phone, SupportKindId, Title, Summary, RequestedAmountVnd,
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
        _ => field,
    };
}
