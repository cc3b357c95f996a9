namespace NsclWorkflows.Domain.Applications;

/// <summary>How a status reads to a person.</summary>
public static class ApplicationStatusText
{
    public static string Vietnamese(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "Đã nộp",
        ApplicationStatus.AwaitingCompletenessReview => "Chờ kiểm tra tính đầy đủ của hồ sơ",
        ApplicationStatus.CompletenessAccepted => "Hồ sơ đầy đủ, chờ thẩm định",
        ApplicationStatus.Expired => "Hết hạn xử lý",
        _ => status.ToString(),
    };
}
