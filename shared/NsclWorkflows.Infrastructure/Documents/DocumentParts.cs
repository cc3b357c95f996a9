using DocumentFormat.OpenXml.Wordprocessing;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>Pieces several documents share: the application's particulars as a two-column table, header cells.</summary>
static class DocumentParts
{
    /// <summary>Vietnam's time zone, in which meeting times are printed.</summary>
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static Table Particulars(ApplicationSummary app, int width, params (string Label, string Value)[] more)
    {
        ArgumentNullException.ThrowIfNull(app);
        var rows = new List<(string, string)>
        {
            ("Mã hồ sơ", app.TrackingCode),
            ("Doanh nghiệp", app.Enterprise.Name),
            ("Mã số doanh nghiệp", app.Enterprise.EnterpriseCode),
        };
        if (app.Enterprise.Address is { Length: > 0 } address)
        {
            rows.Add(("Địa chỉ", address));
        }

        if (app.Enterprise.Representative is { Length: > 0 } representative)
        {
            rows.Add(("Người đại diện theo pháp luật", app.Enterprise.RepresentativeTitle is { Length: > 0 } t ? $"{representative}, {t}" : representative));
        }

        if (app.Enterprise.ContactPerson is { Length: > 0 } contact)
        {
            rows.Add(("Người liên hệ", contact));
        }

        if (app.District is { Length: > 0 } district)
        {
            rows.Add(("Địa bàn", district));
        }

        if (app.Sector is { Length: > 0 } sector)
        {
            rows.Add(("Ngành kinh tế chính (VSIC 2018)", sector));
        }

        if (app.Size is { Length: > 0 } size)
        {
            rows.Add(("Quy mô", size));
        }

        rows.Add(("Tên nhiệm vụ", app.Title));
        rows.Add(("Loại hỗ trợ", app.SupportKindName));
        rows.Add(("Nội dung kinh phí", $"{app.BudgetLineId} – {app.BudgetLineName}"));
        rows.Add(("Tóm tắt", app.Summary));
        rows.Add(("Kinh phí đề nghị hỗ trợ", VietnameseFormat.Dong(app.RequestedAmountVnd)));
        if (app.OwnContributionVnd is { } own)
        {
            rows.Add(("Kinh phí đối ứng của doanh nghiệp", VietnameseFormat.Dong(own)));
        }

        if (app.CoFunding is { Count: > 0 } coFunding)
        {
            rows.Add(("Kinh phí lồng ghép từ chương trình, nguồn khác", Domain.Applications.CoFundingRules.Describe(coFunding)));
            rows.Add(("Tổng kinh phí thực hiện nhiệm vụ", VietnameseFormat.Dong(app.RequestedAmountVnd + (app.OwnContributionVnd ?? 0)
                + Domain.Applications.CoFundingRules.Total(coFunding)) + " (theo kinh phí đề nghị hỗ trợ)"));
        }

        if (app.DurationMonths is { } months)
        {
            rows.Add(("Thời gian thực hiện", $"{months} tháng"));
        }

        rows.AddRange(more);
        int label = 2800, value = width - label;
        return Tables.Make([label, value], bordered: true, rows.Select(r => Tables.Row(
        [
            Tables.Text(label, r.Item1, new TextStyle(13, Bold: true)),
            Tables.Text(value, r.Item2, new TextStyle(13)),
        ])));
    }

    /// <summary>A bold, shaded header cell.</summary>
    public static TableCell HeaderCell(int width, string text, double size = 13, int span = 1) =>
        Tables.Text(width, text, new TextStyle(size, Bold: true), Align.Center, span, shaded: true);

    /// <summary>A bordered table with a repeated bold header row.</summary>
    public static Table Grid(IReadOnlyList<int> widths, IReadOnlyList<string> headers, IEnumerable<TableRow> rows, double size = 13) =>
        Tables.Make(widths, bordered: true, rows.Prepend(Tables.Row(headers.Select((h, i) => HeaderCell(widths[i], h, size)), header: true)));

    /// <summary>The text ending with a full stop (or the punctuation it already ends with).</summary>
    public static string Sentence(string text) =>
        text.Length == 0 || ".!?;:".Contains(text[^1], StringComparison.Ordinal) ? text : text + ".";

    public static string Ordinal(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
