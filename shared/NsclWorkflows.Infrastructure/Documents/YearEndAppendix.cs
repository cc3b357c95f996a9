using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// The year-end report's landscape appendices. Phụ lục 1 has the columns of the plan's appendix (TT, Nội dung, Năm
/// 2022 … 2025 and every later year up to the one reported on, Cộng, Ghi chú) plus a "Số liệu" column: each line takes
/// four rows — the plan as printed, what may be spent (the allocation given, else the plan), the amount approved, the
/// amount disbursed — with TT, Nội dung and Ghi chú merged across them. Phụ lục 2 lists the enterprises.
/// Figures in million VND; "-" for nothing approved or disbursed; an empty plan cell stays empty, as printed.
/// </summary>
static class YearEndAppendix
{
    public const string PlanLabel = "Kế hoạch";

    /// <summary>What may be spent: the allocation recorded (dự toán được giao), else the plan's figure.</summary>
    public const string AllocatedLabel = "Dự toán giao";
    public const string ApprovedLabel = "Phê duyệt";
    public const string DisbursedLabel = "Giải ngân";

    /// <summary>In the amount columns of support funded from another programme: no money of this plan.</summary>
    public const string IntegratedLabel = "Lồng ghép";

    static readonly TextStyle Cell = new(12);
    static readonly TextStyle CellBold = new(12, Bold: true);

    public static void Budget(WordFile file, YearEndReportData data)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(data);
        AppendixTitle(file, data, 1, $"Kết quả thực hiện kinh phí Kế hoạch số {data.ProgrammeId} giai đoạn {data.Years.Min()}-{data.Years.Max()}", pageBreak: false);
        file.Add(Para.Of("Đơn vị tính: Triệu đồng", new TextStyle(13, Italic: true), Layout.Cell(Align.Right) with { After = 60 }));

        var textWidth = PageSetup.TextWidth(landscape: true);
        // Four plan years fit the plan's widths; each later year (to 2030) takes its share of the content and note columns.
        const int number = 650, kind = 1250, total = 1200;
        var yearWidth = Math.Min(1150, (textWidth - number - kind - total - 2600 - 1200) / data.Years.Count);
        var rest = textWidth - number - kind - total - yearWidth * data.Years.Count;
        var content = Math.Min(4400, rest - 1200);
        var note = rest - content;
        var widths = new List<int> { number, content, kind };
        widths.AddRange(data.Years.Select(_ => yearWidth));
        widths.Add(total);
        widths.Add(note);
        var headers = new List<string> { "TT", "Nội dung", "Số liệu" };
        headers.AddRange(data.Years.Select(y => "Năm " + y.ToString(CultureInfo.InvariantCulture)));
        headers.Add("Cộng");
        headers.Add("Ghi chú");

        file.StartTable(widths, bordered: true);
        file.Add(Tables.Row(headers.Select((h, i) => DocumentParts.HeaderCell(widths[i], h, 12)), header: true));
        foreach (var row in data.BudgetRows.Append(data.TotalRow))
        {
            foreach (var line in LineRows(row, data.Years, widths))
            {
                file.Add(line);
            }
        }

        file.EndTable();
    }

    public static void EnterpriseList(WordFile file, YearEndReportData data)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(data);
        AppendixTitle(file, data, 2, $"Danh sách doanh nghiệp được hỗ trợ đến năm {data.Year.ToString(CultureInfo.InvariantCulture)}", pageBreak: true);
        file.Add(Para.Of("Đơn vị tính: Triệu đồng", new TextStyle(13, Italic: true), Layout.Cell(Align.Right) with { After = 60 }));
        if (data.Enterprises.Count == 0)
        {
            file.Add(Para.Body("Chưa có doanh nghiệp nào được phê duyệt hỗ trợ."));
            return;
        }

        int[] widths = [650, 1450, 2200, 1250, 2000, 750, 750, 1150, 1150, 1000, 1000, PageSetup.TextWidth(landscape: true) - 13350];
        string[] headers = ["TT", "Mã hồ sơ", "Doanh nghiệp", "Mã số doanh nghiệp", "Nhiệm vụ", "Nội dung KP", "Năm", "Phê duyệt", "Giải ngân", "Đối ứng của DN",
            "Lồng ghép nguồn khác", "Tình trạng"];
        var style = new TextStyle(11);
        file.StartTable(widths, bordered: true);
        file.Add(Tables.Row(headers.Select((h, i) => DocumentParts.HeaderCell(widths[i], h, 11)), header: true));
        // Thousands of rows: each written from one shape with only its texts new (see TextRowShape).
        var shape = new TextRowShape(widths, style,
            [Align.Center, Align.Left, Align.Left, Align.Center, Align.Left, Align.Center, Align.Center, Align.Right, Align.Right, Align.Right, Align.Right, Align.Left]);
        var texts = new string[widths.Length];
        for (var i = 0; i < data.Enterprises.Count; i++)
        {
            var e = data.Enterprises[i];
            texts[0] = DocumentParts.Ordinal(i);
            texts[1] = e.TrackingCode;
            texts[2] = e.EnterpriseName;
            texts[3] = e.EnterpriseCode;
            texts[4] = e.IsPilotModel ? e.TaskTitle + " (mô hình điểm)" : e.TaskTitle;
            texts[5] = e.BudgetLineId;
            texts[6] = e.BudgetYear.ToString(CultureInfo.InvariantCulture);
            texts[7] = e.IntegratedFundingFrom is null ? Amount(e.ApprovedVnd) : IntegratedLabel;
            texts[8] = e.IntegratedFundingFrom is null ? Amount(e.DisbursedVnd) : IntegratedLabel;
            texts[9] = e.OwnContributionVnd is { } own ? Amount(own) : string.Empty;
            texts[10] = e.CoFundingVnd > 0 ? Amount(e.CoFundingVnd) : string.Empty;
            texts[11] = Status(e);
            file.AddTextRow(shape, texts);
        }

        file.EndTable();
    }

    /// <summary>The task's state, with where its support comes from when another programme funds it and the co-funding's sources.</summary>
    static string Status(SupportedEnterpriseRow e)
    {
        var text = e.IntegratedFundingFrom is { } from ? $"{e.Status}; kinh phí lồng ghép từ {from}" : e.Status;
        return e.CoFunding is { Count: > 0 } coFunding ? $"{text}; kinh phí lồng ghép: {Domain.Applications.CoFundingRules.Describe(coFunding)}" : text;
    }

    /// <summary>Approved and disbursed amounts in million VND; "-" for none.</summary>
    public static string Amount(long amountVnd) => amountVnd == 0 ? "-" : VietnameseFormat.Million(amountVnd);

    static IEnumerable<TableRow> LineRows(YearEndBudgetRow row, IReadOnlyList<int> years, List<int> widths)
    {
        var emphasis = row.IsGroup ? CellBold : Cell;
        var figures = new (string Label, Func<YearEndBudgetCell?, string> Value, string Total)[]
        {
            (PlanLabel, c => c?.PlanMillion is { } p ? VietnameseFormat.Number(p) : string.Empty, row.PrintedPlanTotal is { } t ? VietnameseFormat.Number(t) : string.Empty),
            (AllocatedLabel, c => Amount(c?.AllocatedVnd ?? 0), Amount(row.AllocatedTotalVnd)),
            (ApprovedLabel, c => Amount(c?.ApprovedVnd ?? 0), Amount(row.ApprovedTotalVnd)),
            (DisbursedLabel, c => Amount(c?.DisbursedVnd ?? 0), Amount(row.DisbursedTotalVnd)),
        };
        for (var i = 0; i < figures.Length; i++)
        {
            var first = i == 0;
            var merge = first ? DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Restart : DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Continue;
            var keep = i < figures.Length - 1;
            var cells = new List<TableCell>
            {
                Merged(widths[0], first ? row.Label : string.Empty, emphasis, Align.Center, merge, keep),
                Merged(widths[1], first ? row.Name : string.Empty, emphasis, Align.Justify, merge, keep),
                Text(widths[2], figures[i].Label, Cell, Align.Left, keep),
            };
            cells.AddRange(years.Select((y, k) => Text(widths[3 + k], figures[i].Value(row.In(y)), emphasis, Align.Right, keep)));
            cells.Add(Text(widths[3 + years.Count], figures[i].Total, emphasis, Align.Right, keep));
            cells.Add(Merged(widths[4 + years.Count], first ? row.Note ?? string.Empty : string.Empty, new TextStyle(11, Italic: true), Align.Left, merge, keep));
            yield return Tables.Row(cells);
        }
    }

    static TableCell Text(int width, string text, TextStyle style, Align align, bool keepWithNext) =>
        Tables.Cell(width, [Para.Of(text, style, Layout.Cell(align) with { KeepNext = keepWithNext })]);

    static TableCell Merged(int width, string text, TextStyle style, Align align, DocumentFormat.OpenXml.Wordprocessing.MergedCellValues merge, bool keepWithNext) =>
        Tables.Cell(width, [Para.Of(text, style, Layout.Cell(align) with { KeepNext = keepWithNext })], verticalMerge: merge);

    static void AppendixTitle(WordFile file, YearEndReportData data, int number, string title, bool pageBreak)
    {
        if (pageBreak)
        {
            file.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        }

        file.Add(Para.Of($"Phụ lục {number.ToString(CultureInfo.InvariantCulture)}", new TextStyle(14, Bold: true), Layout.Centered));
        file.Add(Para.Of(title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), new TextStyle(14, Bold: true), Layout.Centered));
        file.Add(Para.Of(
            $"(Kèm theo Báo cáo số {OfficialLayout.NumberOnly(data.Header)} {VietnameseFormat.DayMonthYear(data.Header.Date)} của Sở Khoa học và Công nghệ)",
            new TextStyle(14, Italic: true), Layout.Centered with { After = 120 }));
    }
}
