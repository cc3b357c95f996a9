namespace NsclWorkflows.Domain.Notifications;

/// <summary>How an e-mail's state reads for people (status page, officers' inbox).</summary>
public static class NotificationStateText
{
    public static string Vietnamese(NotificationState state) => state switch
    {
        NotificationState.Sending => "Đang gửi",
        NotificationState.Sent => "Đã gửi",
        NotificationState.Retrying => "Chưa gửi được, đang thử lại",
        NotificationState.Failed => "Gửi không thành công",
        NotificationState.Unconfirmed => "Không xác nhận được đã gửi",
        _ => state.ToString(),
    };
}
