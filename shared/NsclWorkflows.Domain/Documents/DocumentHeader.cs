namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// The heading every official document carries (Nghị định 30/2020/NĐ-CP): the governing body and the issuing body
/// (top left), the number and symbol ("Số: 125/QĐ-SKHCN"), and the place and date line ("Đà Nẵng, ngày 15 tháng 12
/// năm 2025"). <see cref="Number"/> is null for a draft or a document numbered when it is signed: the number is
/// then left blank for the clerk ("Số:      /QĐ-SKHCN").
/// </summary>
public sealed record DocumentHeader(
    string GoverningBody,
    string IssuingBody,
    string? Number,
    string Symbol,
    string Place,
    DateOnly Date)
{
    public const string DaNangCity = "UBND THÀNH PHỐ ĐÀ NẴNG";
    public const string Department = "SỞ KHOA HỌC VÀ CÔNG NGHỆ";

    /// <summary>A document of the Department (Sở KH&amp;CN Đà Nẵng) with the given symbol, e.g. "QĐ-SKHCN".</summary>
    public static DocumentHeader OfDepartment(string symbol, DateOnly date, string? number = null) =>
        new(DaNangCity, Department, number, symbol, "Đà Nẵng", date);
}

/// <summary>
/// Who signs: the capacity line ("KT. GIÁM ĐỐC", empty when the head signs in person), the title ("PHÓ GIÁM ĐỐC")
/// and the name (empty when the signer is not known yet: the space is left for the signature and name).
/// </summary>
public sealed record Signatory(string Capacity, string Title, string Name)
{
    public static Signatory DepartmentDirector(string name = "") => new(string.Empty, "GIÁM ĐỐC", name);

    public static Signatory DeputyDirector(string name = "") => new("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", name);
}

/// <summary>
/// The Department's division that manages the programme (Phòng Quản lý khoa học of Sở KH&amp;CN): every document files
/// a copy with it under one code ("Lưu: VT, QLKH."), and the decision is made on its head's proposal.
/// </summary>
public static class ProgrammeDivision
{
    public const string Code = "QLKH";
    public const string Name = "Phòng Quản lý khoa học";
    public const string Head = "Trưởng phòng Quản lý khoa học";

    /// <summary>The last line of "Nơi nhận": the archive (văn thư) and the division keep a copy.</summary>
    public const string FilingLine = "Lưu: VT, " + Code + ".";
}

/// <summary>Symbols of the Department's documents (the part after the number); another sở's: <see cref="DocumentIssuer.Symbol"/>.</summary>
public static class DocumentSymbols
{
    /// <summary>Kinds of document, before the issuer's abbreviation (Nghị định 30/2020/NĐ-CP, Phụ lục III).</summary>
    public const string DecisionKind = "QĐ";
    public const string MinutesKind = "BB";

    public const string Decision = "QĐ-SKHCN";
    public const string Minutes = "BB-SKHCN";
    public const string Report = "BC-SKHCN";
}
