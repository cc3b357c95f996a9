using System.Globalization;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Reports;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// A report run's Word report: heading, title, Kính gửi, the request it answers, I. đánh giá chung, II. kết quả
/// (kinh phí, mục tiêu with sources, the lead units' figures and narrative), III. khó khăn vướng mắc, IV. kiến nghị,
/// V. phương hướng, signature; Phụ lục 1 (landscape): plan, allocation, approved and disbursed by item and year.
/// Written to a stream as it is built, like the year-end report.
/// </summary>
static class ReportRunDocument
{
    public static void Write(ReportRunDocumentData data, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(destination);
        var run = data.Run;
        var figures = data.Figures;
        var width = PageSetup.TextWidth(landscape: false);
        using var file = WordFile.Create(run.Title, destination);
        file.Add(OfficialLayout.Heading(data.Header));
        file.AddRange(OfficialLayout.Title("Báo cáo", $"Kết quả thực hiện Kế hoạch số {figures.ProgrammeId} - {LowerFirst(run.Title)}", width));
        file.Add(Para.Of($"Kính gửi: {run.Addressee}.", TextStyle.Body, Layout.Centered with { Before = 120, After = 240 }));
        var request = run.RequestNumber is { } number
            ? $", theo yêu cầu tại Văn bản số {number}{(run.RequestDate is { } on ? " ngày " + VietnameseFormat.Date(on) : string.Empty)}"
            : string.Empty;
        file.Add(Para.Body(
            $"Thực hiện {figures.ProgrammeReference}{request}, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện {run.PeriodText} (số liệu đến ngày {VietnameseFormat.Date(run.DataCutOff)}) như sau:"));

        file.Add(Para.Heading("I. ĐÁNH GIÁ CHUNG"));
        Narrative(file, run.Narrative.GeneralAssessment);

        file.Add(Para.Heading("II. KẾT QUẢ THỰC HIỆN"));
        Budget(file, figures);
        file.Add(Para.Body("2. Kết quả thực hiện các mục tiêu (nguồn số liệu ghi tại cột Đánh giá):"));
        YearEndReportDocument.TargetTable(file, figures, width);
        LeadUnits(file, run, width);

        file.Add(Para.Heading("III. KHÓ KHĂN, VƯỚNG MẮC"));
        Narrative(file, run.Narrative.Difficulties);
        file.Add(Para.Heading("IV. KIẾN NGHỊ, ĐỀ XUẤT"));
        Narrative(file, run.Narrative.Recommendations);
        file.Add(Para.Heading("V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"));
        Narrative(file, run.Narrative.Directions);

        file.Add(Para.Body($"Sở Khoa học và Công nghệ kính báo cáo {run.Addressee}./."));
        file.Add(OfficialLayout.Signature(data.Signatory, data.Recipients, width));
        file.EndSection(landscape: false, numberFirstPage: false);

        YearEndAppendix.Budget(file, figures);
        file.Complete(landscape: true, numberFirstPage: true);
    }

    static void Budget(WordFile file, YearEndReportData figures)
    {
        var through = figures.TotalRow.Cells.Where(c => c.Year <= figures.Year).ToList();
        long allocated = through.Sum(c => c.AllocatedVnd), approved = through.Sum(c => c.ApprovedVnd), disbursed = through.Sum(c => c.DisbursedVnd);
        var share = (long amount) => allocated > 0
            ? $" ({VietnameseFormat.Number(decimal.Round(amount * 100m / allocated, 1))}% kinh phí được sử dụng)"
            : string.Empty;
        file.Add(Para.Body(
            $"1. Kinh phí lũy kế từ năm {figures.Years.Min().ToString(CultureInfo.InvariantCulture)} đến năm {figures.Year.ToString(CultureInfo.InvariantCulture)}: kinh phí được sử dụng {VietnameseFormat.Million(allocated)} triệu đồng; đã phê duyệt {VietnameseFormat.Million(approved)} triệu đồng{share(approved)}; đã giải ngân {VietnameseFormat.Million(disbursed)} triệu đồng{share(disbursed)}. Chi tiết theo từng nội dung và từng năm tại Phụ lục 1."));
    }

    static void LeadUnits(WordFile file, ReportRun run, int width)
    {
        file.Add(Para.Body("3. Kết quả thực hiện của các đơn vị chủ trì:"));
        if (run.LeadUnits.Count == 0)
        {
            file.Add(Para.Body("Kỳ báo cáo này không đề nghị đơn vị chủ trì gửi số liệu."));
            return;
        }

        int[] widths = [600, width - 600 - 1800 - 2000, 1800, 2000];
        var style = new TextStyle(12);
        for (var u = 0; u < run.LeadUnits.Count; u++)
        {
            var unit = run.LeadUnits[u];
            file.Add(Para.Body($"3.{(u + 1).ToString(CultureInfo.InvariantCulture)}. {unit.UnitName}"));
            if (!unit.HasAnswered)
            {
                file.Add(Para.Body(unit.EscalatedAtUtc is not null
                    ? "Đơn vị chưa gửi số liệu đến hạn (đã nhắc và báo cáo lãnh đạo Sở); số liệu sẽ được bổ sung khi đơn vị gửi."
                    : "Đơn vị chưa gửi số liệu."));
                continue;
            }

            if (unit.Figures.Count > 0)
            {
                file.Add(DocumentParts.Grid(widths, ["TT", "Chỉ tiêu", "Số liệu", "Đơn vị tính"], unit.Figures.Select((f, i) => Tables.Row(
                [
                    Tables.Text(widths[0], DocumentParts.Ordinal(i), style, Align.Center),
                    Tables.Text(widths[1], f.Label, style),
                    Tables.Text(widths[2], VietnameseFormat.Number(f.Value), style, Align.Right),
                    Tables.Text(widths[3], f.Unit, style, Align.Center),
                ])), 12));
            }

            Narrative(file, unit.Narrative ?? string.Empty);
            file.Add(Para.Of($"(Nguồn: {unit.UnitName}, gửi ngày {VietnameseFormat.Date(DateOnly.FromDateTime(unit.SubmittedAtUtc!.Value.ToOffset(TimeSpan.FromHours(7)).DateTime))})",
                new TextStyle(13, Italic: true), Layout.Body));
        }
    }

    static void Narrative(WordFile file, string text)
    {
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length == 0)
        {
            file.Add(Para.Body("(Chưa có nội dung.)"));
            return;
        }

        foreach (var paragraph in paragraphs)
        {
            file.Add(Para.Body(paragraph));
        }
    }

    static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
