using System.Globalization;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// The body (sở) that issues a file's documents: the unit that handles the file (<see cref="Units"/>), so a file of Sở Công
/// Thương or Sở Nông nghiệp và Phát triển nông thôn is decided, appraised and numbered in that sở's name, heading, symbol
/// ("QĐ-SCT", Nghị định 30/2020/NĐ-CP) and register, not the Department's. The division that proposes and files is known
/// for the Department (Phòng Quản lý khoa học); for the other sở the draft names "the division in charge" and the unit's
/// office completes it when the draft is finalised, as it does the number of the city's decision on its functions.
/// </summary>
public sealed record DocumentIssuer(string UnitId, string Name, string Abbreviation, string? DivisionCode, string DivisionHead)
{
    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Sở Khoa học và Công nghệ, which runs the programme.</summary>
    public static DocumentIssuer Department { get; } =
        new(Units.ScienceAndTechnology, Units.Name(Units.ScienceAndTechnology), "SKHCN", ProgrammeDivision.Code, ProgrammeDivision.Head);

    /// <summary>The issuer of the files <paramref name="unitId"/> handles (the Department for an unknown or empty unit).</summary>
    public static DocumentIssuer For(string? unitId) => unitId switch
    {
        Units.IndustryAndTrade => new(Units.IndustryAndTrade, Units.Name(Units.IndustryAndTrade), "SCT", null, DivisionInCharge),
        Units.Agriculture => new(Units.Agriculture, Units.Name(Units.Agriculture), "SNNPTNT", null, DivisionInCharge),
        _ => Department,
    };

    const string DivisionInCharge = "Trưởng phòng chuyên môn phụ trách";

    /// <summary>The issuing body as the heading prints it: "SỞ CÔNG THƯƠNG".</summary>
    public string IssuingBody => Name.ToUpper(Vietnamese);

    /// <summary>Who decides: "GIÁM ĐỐC SỞ CÔNG THƯƠNG".</summary>
    public string DirectorLine => "GIÁM ĐỐC " + IssuingBody;

    /// <summary>The symbol after the number: "QĐ-SCT" for kind "QĐ", "BB-SCT" for "BB".</summary>
    public string Symbol(string kind) => $"{kind}-{Abbreviation}";

    /// <summary>A document of this issuer: the city's heading, the issuing body, number (null until signed) and symbol, Đà Nẵng and the date.</summary>
    public DocumentHeader Header(string kind, DateOnly date, string? number = null) =>
        new(DocumentHeader.DaNangCity, IssuingBody, number, Symbol(kind), "Đà Nẵng", date);

    /// <summary>The last line of "Nơi nhận": the archive and, when known, the division that drafted it.</summary>
    public string FilingLine => DivisionCode is { } code ? $"Lưu: VT, {code}." : "Lưu: VT.";

    /// <summary>The first legal basis of its decisions: the city's decision on its functions (cited without its number).</summary>
    public string Competence =>
        $"Căn cứ Quyết định của Ủy ban nhân dân thành phố Đà Nẵng quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {Name} thành phố Đà Nẵng;";
}
