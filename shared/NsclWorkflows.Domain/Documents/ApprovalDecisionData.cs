namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// What the decision approving support (quyết định phê duyệt hỗ trợ) says: the beneficiary, the task's content, the
/// amount and the budget line and year it is charged to, the duration, the enterprise's obligations and the check-in
/// schedule. <see cref="IsDraft"/> marks the draft put to the leader ("DỰ THẢO"). Amounts in đồng (VND).
/// </summary>
public sealed record ApprovalDecisionData(
    DocumentHeader Header,
    Signatory Signatory,
    ApplicationSummary Application,
    IReadOnlyList<string> LegalBases,
    IReadOnlyList<string> Content,
    long AmountVnd,
    int BudgetYear,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> Obligations,
    IReadOnlyList<CheckInDue> CheckIns,
    IReadOnlyList<string> Recipients,
    bool IsDraft = true)
{
    /// <summary>Who issues it (the unit that handles the file): its director decides, its division proposes.</summary>
    public DocumentIssuer Issuer { get; init; } = DocumentIssuer.Department;
}

/// <summary>One scheduled progress report: its number, due date and what it must contain.</summary>
public sealed record CheckInDue(int Number, DateOnly DueDate, string WhatToReport);

/// <summary>Texts the decision usually cites; the lead may pass others.</summary>
public static class ApprovalDecisionTexts
{
    // The programme's legal bases (Kế hoạch 37/KH-UBND, section I and V.2.c); before the lists built from them, as static
    // fields are set in the order written.
    static readonly string[] ProgrammeBases =
    [
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31 tháng 8 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030;",
        "Căn cứ Thông tư số 35/2021/TT-BTC ngày 19 tháng 5 năm 2021 của Bộ trưởng Bộ Tài chính quy định cơ chế quản lý tài chính thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030;",
        "Căn cứ Nghị quyết số 54/2021/NQ-HĐND ngày 17 tháng 12 năm 2021 của Hội đồng nhân dân thành phố Đà Nẵng quy định mức chi thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030 trên địa bàn thành phố Đà Nẵng;",
        "Căn cứ Kế hoạch số 37/KH-UBND ngày 23 tháng 02 năm 2022 của UBND thành phố Đà Nẵng về thực hiện Chương trình nâng cao năng suất chất lượng sản phẩm, hàng hóa giai đoạn 2022-2025, định hướng đến năm 2030;",
    ];

    /// <summary>
    /// The Department's competence, cited first, then the legal bases of the programme (Kế hoạch 37/KH-UBND, section I
    /// and V.2.c). The city's decision on the Department's functions is cited without its number, which the office
    /// adds when the draft is finalised.
    /// </summary>
    public static readonly IReadOnlyList<string> LegalBases = LegalBasesOf(DocumentIssuer.Department);

    /// <summary><see cref="LegalBases"/> for a decision of <paramref name="issuer"/>: its own competence first.</summary>
    public static IReadOnlyList<string> LegalBasesOf(DocumentIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return [issuer.Competence, .. ProgrammeBases];
    }

    /// <summary>
    /// "Nơi nhận" of the decision: those Điều 3 charges with carrying it out (the enterprise among them) as "Như Điều 3;",
    /// the Director informed when a deputy signs, the State Treasury that pays, and the filing line.
    /// </summary>
    public static readonly IReadOnlyList<string> Recipients = RecipientsOf(DocumentIssuer.Department);

    /// <summary><see cref="Recipients"/> of a decision of <paramref name="issuer"/> (its own filing line).</summary>
    public static IReadOnlyList<string> RecipientsOf(DocumentIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return ["Như Điều 3;", "Giám đốc Sở (để b/c);", "Kho bạc Nhà nước thành phố Đà Nẵng;", issuer.FilingLine];
    }

    /// <summary>Obligations every supported enterprise accepts.</summary>
    public static readonly IReadOnlyList<string> Obligations = ObligationsOf(DocumentIssuer.Department);

    /// <summary><see cref="Obligations"/> towards <paramref name="issuer"/>, which checks the task.</summary>
    public static IReadOnlyList<string> ObligationsOf(DocumentIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return
        [
            "Tổ chức thực hiện nhiệm vụ đúng nội dung, tiến độ được phê duyệt; sử dụng kinh phí hỗ trợ đúng mục đích, đúng chế độ và thanh quyết toán theo quy định.",
            "Bố trí kinh phí đối ứng và các điều kiện cần thiết để thực hiện nhiệm vụ.",
            $"Chịu sự kiểm tra, giám sát của {issuer.Name}; nộp báo cáo tổng kết và hồ sơ đề nghị đánh giá, nghiệm thu khi kết thúc nhiệm vụ.",
        ];
    }
}
