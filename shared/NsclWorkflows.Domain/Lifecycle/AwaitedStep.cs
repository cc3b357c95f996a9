using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// The step an application is waiting on, as people name it: in escalation e-mails and the audit trail ("quá hạn
/// thẩm định"), and in the year-end report's overdue table ("Thẩm định"). One wording for all of them, declared in
/// <see cref="StatusTable"/>.
/// </summary>
public static class AwaitedStep
{
    /// <summary>The step in running text, lower case: "nộp báo cáo định kỳ lần 1/2".</summary>
    public static string Name(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return StatusTable.WaitOf(application)?.Name(application.Lifecycle) ?? "kiểm tra tính đầy đủ, hợp lệ của hồ sơ";
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
        return StatusTable.WaitOf(application)?.Enterprise == true;
    }
}
