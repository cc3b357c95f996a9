namespace NsclWorkflows.Domain.Notifications;

/// <summary>How people name a notification and its audience (audit trail, pages); the e-mails' own subjects are in the templates.</summary>
public static class NotificationText
{
    public static string Event(NotificationEvent notification) => notification switch
    {
        NotificationEvent.Receipt => "xác nhận tiếp nhận hồ sơ",
        NotificationEvent.SupplementationRequested => "đề nghị bổ sung hồ sơ",
        NotificationEvent.SupplementationReminder => "nhắc bổ sung hồ sơ",
        NotificationEvent.ResubmissionReceived => "báo hồ sơ đã được bổ sung",
        NotificationEvent.AppraisalAssigned => "phân công thẩm định",
        NotificationEvent.AppraisalReminder => "nhắc hạn thẩm định",
        NotificationEvent.AppraisalEscalated => "báo quá hạn thẩm định",
        NotificationEvent.ApprovalRequested => "trình phê duyệt",
        NotificationEvent.ApprovalReminder => "nhắc hạn phê duyệt",
        NotificationEvent.ApprovalEscalated => "báo quá hạn phê duyệt",
        NotificationEvent.Approved => "báo hồ sơ được phê duyệt",
        NotificationEvent.Rejected => "báo hồ sơ không được phê duyệt",
        NotificationEvent.CheckInReminderBefore => "nhắc sắp đến hạn báo cáo định kỳ",
        NotificationEvent.CheckInReminderDue => "nhắc hạn báo cáo định kỳ hôm nay",
        NotificationEvent.CheckInReminderOverdue => "nhắc báo cáo định kỳ quá hạn",
        NotificationEvent.CheckInEscalated => "báo doanh nghiệp chưa nộp báo cáo định kỳ",
        NotificationEvent.CheckInReviewed => "kết quả xem xét báo cáo định kỳ",
        NotificationEvent.ExtensionDecided => "kết quả đề nghị gia hạn",
        NotificationEvent.FinalEvaluationResult => "kết quả nghiệm thu",
        NotificationEvent.Withdrawn => "báo hồ sơ dừng xử lý",
        NotificationEvent.Expired => "báo dừng xử lý, trả hồ sơ",
        NotificationEvent.Cancelled => "báo hồ sơ bị hủy",
        NotificationEvent.YearEndReportReady => "báo cáo năm đã sẵn sàng",
        NotificationEvent.StepEscalated => "báo quá hạn xử lý",
        NotificationEvent.ActivityStartReminder => "nhắc hoạt động sắp bắt đầu",
        NotificationEvent.ActivityResultRequested => "đề nghị báo cáo kết quả hoạt động",
        NotificationEvent.ActivityResultEscalated => "báo hoạt động chưa có kết quả",
        NotificationEvent.ReportInputRequested => "đề nghị đơn vị chủ trì gửi số liệu báo cáo",
        NotificationEvent.ReportInputReminder => "nhắc đơn vị chủ trì gửi số liệu báo cáo",
        NotificationEvent.ReportInputEscalated => "báo đơn vị chủ trì chưa gửi số liệu báo cáo",
        NotificationEvent.ReportDraftReminder => "nhắc hạn soạn báo cáo",
        NotificationEvent.ReportApprovalReminder => "nhắc hạn duyệt báo cáo",
        NotificationEvent.ReportOverdue => "báo báo cáo quá hạn",
        NotificationEvent.DecisionSigningRequested => "đề nghị ký, ban hành quyết định",
        NotificationEvent.DecisionSigningReminder => "nhắc hạn ký, ban hành quyết định",
        NotificationEvent.DecisionSigningEscalated => "báo quá hạn ký, ban hành quyết định",
        NotificationEvent.PaymentRecorded => "báo đã chi trả kinh phí",
        NotificationEvent.PaymentReminder => "nhắc hạn chi trả kinh phí",
        NotificationEvent.CallClosed => "báo đợt tuyển chọn hết hạn nhận hồ sơ",
        NotificationEvent.CallFinalisationReminder => "nhắc hạn kết thúc đợt tuyển chọn",
        NotificationEvent.CallFinalisationEscalated => "báo đợt tuyển chọn quá hạn kết thúc",
        NotificationEvent.AssignmentOffered => "đề nghị doanh nghiệp xác nhận nhận nhiệm vụ",
        _ => notification.ToString(),
    };

    public static string Audience(NotificationAudience audience) => audience switch
    {
        NotificationAudience.Enterprise => "doanh nghiệp",
        NotificationAudience.Officers => "cán bộ phụ trách",
        NotificationAudience.Appraisers => "chuyên gia thẩm định",
        NotificationAudience.Leaders => "lãnh đạo Sở",
        NotificationAudience.HeadOfDivision => "Trưởng phòng",
        NotificationAudience.LeadUnit => "đơn vị chủ trì",
        NotificationAudience.DirectorsOffice => "Văn phòng Sở",
        NotificationAudience.Accountants => "kế toán",
        _ => audience.ToString(),
    };
}
