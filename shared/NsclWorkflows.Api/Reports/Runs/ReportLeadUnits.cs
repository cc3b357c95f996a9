namespace NsclWorkflows.Api.Reports.Runs;

/// <summary>
/// The lead units a report run may ask for figures (Kế hoạch VI.1.a: the Department compiles their reports): the four
/// the plan names. Their e-mail addresses are configuration (<c>Nscl:Email:Recipients</c>, role <c>LeadUnit</c>, unit =
/// the id here): the run's workflow e-mails each its secret link; the links are also answered once to the officer who
/// opens the run, to be sent on when a unit has no address (see the README, "Report runs").
/// </summary>
public static class ReportLeadUnits
{
    public static IReadOnlyList<LeadUnitOption> All { get; } =
    [
        new("ttkn", "Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo"),
        new("vienktxh", "Viện Nghiên cứu Phát triển kinh tế - xã hội"),
        new("sct", "Sở Công Thương"),
        new("snnptnt", "Sở Nông nghiệp và Phát triển nông thôn"),
    ];
}

public sealed record LeadUnitOption(string Id, string Name);
