using System.Globalization;
using System.Text;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>Test data with every Vietnamese letter (each vowel with each tone, upper and lower case, đ/Đ) and &lt;, &amp;.</summary>
static class VietnameseSamples
{
    /// <summary>a ă â e ê i o ô ơ u ư y, each bare and with the five tones, then đ; NFC.</summary>
    public static readonly string AllLetters = BuildAllLetters();

    public static readonly string AllLettersUpper = AllLetters.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    public static readonly string EnterpriseName = $"Công ty TNHH <Cơ khí & Điện> Hòa Khánh {AllLettersUpper}";

    public static readonly string PersonName = $"Nguyễn Thị Hạnh <Trưởng nhóm> & {AllLetters}";

    public static readonly DateOnly Date = new(2025, 3, 5);

    public static ApplicationSummary Application(long requested = 150_000_000) => new(
        "01JABCDEFGHJKMNPQRSTVWXYZ0",
        "NSCL-2025-AB12CD",
        new EnterpriseParty(EnterpriseName, "0401234567", $"Số 1 đường Ông Ích Đường, quận Cẩm Lệ <&> {AllLetters}", PersonName, "Giám đốc"),
        "Áp dụng công cụ cải tiến năng suất (5S, Kaizen, Lean)",
        "IV.1",
        "Hỗ trợ doanh nghiệp thực hiện các giải pháp để nâng cao NSCL",
        $"Áp dụng Lean & 5S cho dây chuyền <A> — {AllLetters}",
        $"Triển khai 5S, Kaizen và Lean cho hai dây chuyền gia công; đo năng suất trước & sau. {AllLettersUpper}",
        requested);

    public static AppraisalRecordData Appraisal() => new(
        DocumentHeader.OfDepartment(DocumentSymbols.Minutes, Date, "17"),
        Application(),
        new DateTimeOffset(2025, 3, 5, 1, 30, 0, TimeSpan.Zero),
        "Phòng họp tầng 3, Sở Khoa học và Công nghệ <Đà Nẵng>",
        [
            new(PersonName, "Chủ tịch hội đồng", Scores(18, 27, 26), $"Hồ sơ đầy đủ; mục tiêu rõ ràng & khả thi. {AllLetters}", 150_000_000),
            new("Trần Văn Đức", "Ủy viên phản biện", Scores(16, 25, 24), "Cần bổ sung chỉ số đo năng suất <trước> và sau.", 140_000_000),
            new("Lê Thị Ánh Tuyết", "Ủy viên", Scores(17, 26, 25), "Đồng ý hỗ trợ.", null),
        ],
        145_000_000,
        $"Hội đồng thống nhất đề nghị hỗ trợ nhiệm vụ; doanh nghiệp hoàn thiện thuyết minh theo ý kiến phản biện. {AllLettersUpper}",
        PersonName,
        "Phạm Thị Thu Hằng");

    public static ApprovalDecisionData Decision(bool draft = true) => new(
        DocumentHeader.OfDepartment(DocumentSymbols.Decision, Date, draft ? null : "125"),
        Signatory.DeputyDirector("Võ Văn Ổn"),
        Application(),
        ApprovalDecisionTexts.LegalBases,
        [$"Đào tạo 5S & Kaizen cho 40 công nhân <ca sáng>; {AllLetters}", "Tư vấn áp dụng Lean cho dây chuyền gia công cơ khí."],
        145_000_000,
        2025,
        new DateOnly(2025, 4, 1),
        new DateOnly(2025, 11, 30),
        [.. ApprovalDecisionTexts.Obligations, $"Gửi báo cáo đúng hạn cho {PersonName}."],
        [
            new(1, new DateOnly(2025, 6, 30), "Tiến độ đào tạo & kết quả đánh giá 5S <đợt 1>."),
            new(2, new DateOnly(2025, 9, 30), $"Kết quả áp dụng Lean; {AllLettersUpper}"),
        ],
        ["Như Điều 3;", "Giám đốc Sở (để b/c);", $"{EnterpriseName};", "Lưu: VT, QLKH."],
        draft);

    public static EvaluationMinutesData Minutes() => new(
        DocumentHeader.OfDepartment(DocumentSymbols.Minutes, new DateOnly(2025, 12, 2), "42"),
        Application(),
        "Quyết định số 125/QĐ-SKHCN ngày 20 tháng 3 năm 2025 của Giám đốc Sở Khoa học và Công nghệ",
        145_000_000,
        new DateTimeOffset(2025, 12, 2, 7, 0, 0, TimeSpan.Zero),
        "Văn phòng <Công ty> & xưởng sản xuất",
        [
            new(PersonName, "Chủ tịch hội đồng", "Sở Khoa học và Công nghệ"),
            new("Đặng Quốc Việt", "Ủy viên", $"Trường Đại học Bách khoa <ĐHĐN> & {AllLettersUpper}"),
            new("Phạm Thị Thu Hằng", "Thư ký", "Sở Khoa học và Công nghệ"),
        ],
        [
            new("Đào tạo 5S", "40 công nhân", "42 công nhân <vượt>", true),
            new("Năng suất dây chuyền", "Tăng ≥ 10%", $"Tăng 12% & giảm tồn kho; {AllLetters}", true),
            new("Báo cáo tổng kết", "Nộp đúng hạn", "Nộp chậm 3 ngày", false),
        ],
        EvaluationOutcome.Passed,
        $"Nhiệm vụ hoàn thành các nội dung chính; {AllLetters}",
        ["Nhân rộng mô hình cho dây chuyền thứ ba.", "Doanh nghiệp hoàn thiện hồ sơ quyết toán <trước 31/12>."],
        140_000_000,
        PersonName,
        "Phạm Thị Thu Hằng");

    static List<CriterionScore> Scores(decimal a, decimal b, decimal c) =>
    [
        new("Tính cấp thiết & mục tiêu <rõ ràng>", a, 20),
        new("Nội dung, phương pháp và tiến độ", b, 30),
        new($"Hiệu quả kinh tế – xã hội; {AllLetters}", c, 30),
    ];

    static string BuildAllLetters()
    {
        // grave, acute, hook above, tilde, dot below
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        string[] vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        var text = new StringBuilder();
        foreach (var vowel in vowels)
        {
            foreach (var tone in tones)
            {
                text.Append((vowel + tone).Normalize(NormalizationForm.FormC));
            }

            text.Append(' ');
        }

        return text.Append('đ').ToString();
    }
}
