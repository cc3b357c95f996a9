namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// The most this plan's budget gives one application of a support kind (catalogue <c>supportKinds[].cap</c>):
/// <see cref="AmountVnd"/> per application, or per nominated person (<see cref="CapUnit.Person"/>: I.2 pays
/// "20 triệu đồng/lượt"). <see cref="Source"/> says where the value comes from: the plan's text, the support levels
/// of Nghị quyết 54/2021/NQ-HĐND, or the Department's default while the level is not confirmed.
/// </summary>
public sealed record SupportCap(long AmountVnd, CapUnit Per, CapSource Source, string? Note)
{
    /// <summary>The cap of one application: per person times the persons it nominates (at least one).</summary>
    public long For(int persons) => Per == CapUnit.Person ? AmountVnd * Math.Max(1, persons) : AmountVnd;

    /// <summary>Vietnamese wording for forms and refusals: "20.000.000 đồng/người (Kế hoạch 37/KH-UBND)".</summary>
    public string Describe() =>
        $"{Text.VietnameseFormat.Dong(AmountVnd)}{(Per == CapUnit.Person ? "/người" : "/hồ sơ")} ({SourceText(Source)})";

    public static string SourceText(CapSource source) => source switch
    {
        CapSource.Plan => "theo Kế hoạch 37/KH-UBND",
        CapSource.Resolution54 => "theo Nghị quyết 54/2021/NQ-HĐND",
        _ => "mức mặc định do Sở KH&CN quy định",
    };
}

/// <summary>What a cap is counted per. Stored by name in the catalogue: only add.</summary>
public enum CapUnit
{
    Application,
    Person,
}

/// <summary>Where a cap's value comes from.</summary>
public enum CapSource
{
    /// <summary>Printed in the plan (Kế hoạch 37/KH-UBND).</summary>
    Plan,

    /// <summary>A support level of Nghị quyết 54/2021/NQ-HĐND.</summary>
    Resolution54,

    /// <summary>Not known from the texts: the Department's default, to be confirmed.</summary>
    DepartmentDefault,
}
