namespace NsclWorkflows.Api.Reports.Runs;

/// <summary>
/// <c>Nscl:Reports:LeadUnits</c>: the lead units a report run may ask for figures (Kế hoạch VI.1.a: the Department
/// compiles their reports). Empty configuration: the four the plan names, without e-mail addresses.
/// </summary>
public sealed class ReportRunOptions
{
    public const string Section = "Nscl:Reports";

    public List<LeadUnitOption> LeadUnits { get; set; } = [];

    public static IReadOnlyList<LeadUnitOption> Defaults { get; } =
    [
        new() { Id = "ttkn", Name = "Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo" },
        new() { Id = "vienktxh", Name = "Viện Nghiên cứu Phát triển kinh tế - xã hội" },
        new() { Id = "sct", Name = "Sở Công Thương" },
        new() { Id = "snnptnt", Name = "Sở Nông nghiệp và Phát triển nông thôn" },
    ];

    public IReadOnlyList<LeadUnitOption> Effective => LeadUnits.Count > 0 ? LeadUnits : Defaults;
}

public sealed class LeadUnitOption
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;
}
