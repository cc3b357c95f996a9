using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// Units (sở, ngành) that handle applications. An application goes to the lead unit of its support kind's budget
/// line as the catalogue names it; the unit id is what officers' sign-in carries (claim <c>unit</c>) and what
/// notification recipients are configured by. Lines whose lead unit is not one of these, or that name several,
/// go to the Department of Science and Technology, which runs the programme.
/// </summary>
public static class Units
{
    public const string ScienceAndTechnology = "skhcn";
    public const string IndustryAndTrade = "sct";
    public const string Agriculture = "snnptnt";

    static readonly (string Id, string NamePrefix)[] Known =
    [
        (IndustryAndTrade, "Sở Công Thương"),
        (Agriculture, "Sở Nông nghiệp"),
        (ScienceAndTechnology, "Sở Khoa học và Công nghệ"),
    ];

    public static string Name(string unitId) => unitId switch
    {
        ScienceAndTechnology => "Sở Khoa học và Công nghệ",
        IndustryAndTrade => "Sở Công Thương",
        Agriculture => "Sở Nông nghiệp và Phát triển nông thôn",
        _ => unitId,
    };

    public static IReadOnlyList<string> All { get; } = [ScienceAndTechnology, IndustryAndTrade, Agriculture];

    /// <summary>The unit that handles applications on <paramref name="budgetLineId"/>.</summary>
    public static string ForLine(Programme programme, string budgetLineId)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var lead = programme.AllLines.FirstOrDefault(l => l.Id == budgetLineId)?.LeadUnit;
        if (lead is null)
        {
            return ScienceAndTechnology;
        }

        foreach (var (id, prefix) in Known)
        {
            if (lead.StartsWith(prefix, StringComparison.Ordinal))
            {
                return id;
            }
        }

        return ScienceAndTechnology;
    }
}
