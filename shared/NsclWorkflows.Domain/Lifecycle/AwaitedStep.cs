using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// The step an application is waiting on, as people name it: in escalation e-mails and the audit trail ("quá hạn
/// thẩm định"), and in the year-end report's overdue table ("Thẩm định"). One wording for all of them.
/// </summary>
public static class AwaitedStep
{
    /// <summary>The step in running text, lower case: "nộp báo cáo định kỳ lần 1/2".</summary>
    public static string Name(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var lifecycle = application.Lifecycle;
        return application.Status switch
        {
            ApplicationStatus.SupplementationRequested => "doanh nghiệp bổ sung hồ sơ",
            ApplicationStatus.UnderAppraisal => "thẩm định",
            ApplicationStatus.AwaitingApproval => "phê duyệt",
            ApplicationStatus.InImplementation when lifecycle.Current?.Status == CheckInStatus.Submitted => $"xem xét {PeriodName(lifecycle)}",
            ApplicationStatus.InImplementation => $"nộp {PeriodName(lifecycle)}",
            ApplicationStatus.AwaitingFinalEvaluation when lifecycle.FinalReport is null => "nộp báo cáo tổng kết",
            ApplicationStatus.AwaitingFinalEvaluation => "đánh giá, nghiệm thu",
            _ => "kiểm tra tính đầy đủ của hồ sơ",
        };
    }

    /// <summary>The step as a heading or table cell: "Nộp báo cáo định kỳ lần 1/2".</summary>
    public static string Title(Application application)
    {
        var name = Name(application);
        return string.Concat(char.ToUpperInvariant(name[0]).ToString(), name[1..]);
    }

    /// <summary>How the enterprise's current report is named to people.</summary>
    public static string PeriodName(LifecycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.CurrentCheckIn >= 1 && state.CurrentCheckIn <= state.CheckIns.Count
            ? $"báo cáo định kỳ lần {state.CurrentCheckIn}/{state.CheckIns.Count}"
            : "báo cáo tổng kết";
    }

    /// <summary>Whether the enterprise (not an officer) is the one awaited now.</summary>
    public static bool IsEnterprise(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var lifecycle = application.Lifecycle;
        return application.Status is ApplicationStatus.SupplementationRequested
            || (application.Status is ApplicationStatus.InImplementation && lifecycle.Current?.Status is CheckInStatus.Open or CheckInStatus.RevisionRequested)
            || (application.Status is ApplicationStatus.AwaitingFinalEvaluation && lifecycle.FinalReport is null);
    }
}
