namespace NsclWorkflows.Domain.Applications;

/// <summary>How a status reads to a person.</summary>
public static class ApplicationStatusText
{
    public static string Vietnamese(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "Đã nộp",
        ApplicationStatus.AwaitingCompletenessReview => "Chờ kiểm tra tính đầy đủ, hợp lệ của hồ sơ",
        ApplicationStatus.CompletenessAccepted => "Hồ sơ đầy đủ, hợp lệ; chờ thẩm định",
        ApplicationStatus.Expired => "Quá hạn, Sở dừng xử lý và trả hồ sơ",
        ApplicationStatus.SupplementationRequested => "Chờ doanh nghiệp bổ sung hồ sơ",
        ApplicationStatus.UnderAppraisal => "Đang thẩm định",
        ApplicationStatus.AwaitingApproval => "Chờ phê duyệt",
        ApplicationStatus.InImplementation => "Đang thực hiện",
        ApplicationStatus.AwaitingFinalEvaluation => "Chờ đánh giá, nghiệm thu",
        ApplicationStatus.Completed => "Hoàn thành (đạt)",
        ApplicationStatus.Failed => "Không đạt",
        ApplicationStatus.Rejected => "Không được phê duyệt",
        ApplicationStatus.Withdrawn => "Đã rút hồ sơ",
        ApplicationStatus.Cancelled => "Đã hủy nhiệm vụ",
        ApplicationStatus.AwaitingDecisionSigning => "Chờ ký, ban hành quyết định",
        ApplicationStatus.AwaitingFinalPayment => "Chờ chi trả kinh phí còn lại",
        ApplicationStatus.AwaitingEnterpriseConfirmation => "Chờ doanh nghiệp xác nhận nhận nhiệm vụ",
        ApplicationStatus.AwaitingRecognitionSigning => "Chờ ký, ban hành quyết định công nhận kết quả",
        _ => status.ToString(),
    };
}
