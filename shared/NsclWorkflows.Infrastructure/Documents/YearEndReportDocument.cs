using System.Globalization;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// The year-end programme report (báo cáo kết quả thực hiện Kế hoạch năm N). Portrait body: budget summary, targets
/// against results, enterprises supported (summary), overdue items, the catalogue's validation findings, signature.
/// Landscape appendices (<see cref="YearEndAppendix"/>): the budget table laid out like the plan's appendix, and the
/// list of enterprises supported.
/// </summary>
static class YearEndReportDocument
{
    static readonly string[] OverdueHeaders = ["TT", "Mã hồ sơ", "Doanh nghiệp", "Nội dung", "Hạn", "Quá hạn (ngày làm việc)", "Cán bộ theo dõi"];

    public static byte[] Build(YearEndReportData data)
    {
        using var memory = new MemoryStream();
        Write(data, memory);
        return memory.ToArray();
    }

    /// <summary>Writes the report to <paramref name="destination"/> as it is built (a temporary file, a blob, a response).</summary>
    public static void Write(YearEndReportData data, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(destination);
        var width = PageSetup.TextWidth(landscape: false);
        var year = data.Year.ToString(CultureInfo.InvariantCulture);
        using var file = WordFile.Create($"Báo cáo kết quả thực hiện Kế hoạch năm {year}", destination);
        file.Add(OfficialLayout.Heading(data.Header));
        file.AddRange(OfficialLayout.Title("Báo cáo", $"Kết quả thực hiện Kế hoạch số {data.ProgrammeId} năm {year}", width));
        file.Add(Para.Of($"Kính gửi: {data.Addressee}.", TextStyle.Body, Layout.Centered with { Before = 120, After = 240 }));
        file.Add(Para.Body(
            $"Thực hiện {data.ProgrammeReference} về {LowerFirst(data.ProgrammeTitle)}, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện năm {year} (số liệu đến ngày {VietnameseFormat.Date(data.AsOf)}) như sau:"));

        Budget(file, data);
        Targets(file, data, width);
        Enterprises(file, data);
        Overdue(file, data, width);

        file.Add(Para.Heading("V. KẾT QUẢ KIỂM TRA SỐ LIỆU KẾ HOẠCH"));
        if (data.CatalogueFindings.Count == 0)
        {
            file.Add(Para.Body("Số liệu Phụ lục của Kế hoạch khớp khi cộng theo dòng và theo cột."));
        }

        foreach (var finding in data.CatalogueFindings)
        {
            file.Add(Para.Body("- " + finding));
        }

        file.Add(Para.Body($"Sở Khoa học và Công nghệ kính báo cáo {data.Addressee}./."));
        file.Add(OfficialLayout.Signature(data.Signatory, data.Recipients, width));
        file.EndSection(landscape: false, numberFirstPage: false);

        YearEndAppendix.Budget(file, data);
        YearEndAppendix.EnterpriseList(file, data);
        file.Complete(landscape: true, numberFirstPage: true);
    }

    static void Budget(WordFile file, YearEndReportData data)
    {
        var year = data.Year;
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var plan = data.BudgetRows.Where(r => r.IsGroup).Sum(r => r.In(year)?.PlanMillion ?? 0);
        var printedPlan = data.TotalRow.In(year)?.PlanMillion;
        var row = data.TotalRow.In(year);
        long approved = row?.ApprovedVnd ?? 0, disbursed = row?.DisbursedVnd ?? 0, allocated = row?.AllocatedVnd ?? 0;
        var planYears = data.BudgetRows.SelectMany(r => r.Cells).Where(c => c.PlanMillion is not null).Select(c => c.Year).DefaultIfEmpty(year).ToList();
        var planPeriod = $"{planYears.Min().ToString(CultureInfo.InvariantCulture)}-{planYears.Max().ToString(CultureInfo.InvariantCulture)}";
        file.Add(Para.Heading("I. TÌNH HÌNH THỰC HIỆN KINH PHÍ"));
        string planText;
        if (plan == 0 && printedPlan is null)
        {
            // After the plan's years (2022–2025) the programme runs on allocations only: no "0 triệu đồng" of a plan that prints nothing.
            planText = $"Kế hoạch không ghi kinh phí năm {yearText} (Phụ lục của Kế hoạch ghi kinh phí các năm {planPeriod})";
        }
        else
        {
            planText = "kinh phí theo Kế hoạch " + (printedPlan is { } p && p != plan
                ? $"{VietnameseFormat.Number(plan)} triệu đồng (cộng các nội dung; dòng Tổng cộng của Phụ lục in {VietnameseFormat.Number(p)} triệu đồng)"
                : $"{VietnameseFormat.Number(plan)} triệu đồng");
        }

        var allocatedText = allocated > 0
            ? $"kinh phí được sử dụng (dự toán được giao; số Kế hoạch cho nội dung chưa có dự toán) {VietnameseFormat.Million(allocated)} triệu đồng"
            : "chưa có dự toán được giao";
        file.Add(Para.Body($"1. Năm {yearText}: {planText}; {allocatedText}; đã phê duyệt hỗ trợ {VietnameseFormat.Million(approved)} triệu đồng{Share(approved, allocated)}; đã giải ngân {VietnameseFormat.Million(disbursed)} triệu đồng{Share(disbursed, allocated)}."));
        var cumulativePlan = data.TotalRow.PrintedPlanTotal ?? 0;
        var through = data.TotalRow.Cells.Where(c => c.Year <= year).ToList();
        long cumulativeApproved = through.Sum(c => c.ApprovedVnd), cumulativeDisbursed = through.Sum(c => c.DisbursedVnd), cumulativeAllocated = through.Sum(c => c.AllocatedVnd);
        file.Add(Para.Body($"2. Lũy kế từ năm {data.Years.Min().ToString(CultureInfo.InvariantCulture)} đến năm {yearText}: kinh phí được sử dụng {VietnameseFormat.Million(cumulativeAllocated)} triệu đồng, đã phê duyệt {VietnameseFormat.Million(cumulativeApproved)} triệu đồng{Share(cumulativeApproved, cumulativeAllocated)}, đã giải ngân {VietnameseFormat.Million(cumulativeDisbursed)} triệu đồng{Share(cumulativeDisbursed, cumulativeAllocated)}; tổng kinh phí Kế hoạch giai đoạn {planPeriod} là {VietnameseFormat.Number(cumulativePlan)} triệu đồng."));
        file.Add(Para.Body("3. Tỷ lệ thực hiện tính trên kinh phí được sử dụng của các nội dung có kinh phí (không tính các nội dung lồng ghép). Chi tiết theo từng nội dung và từng năm tại Phụ lục 1."));
    }

    static void Targets(WordFile file, YearEndReportData data, int width)
    {
        file.Add(Para.Heading("II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU"));
        TargetTable(file, data, width);
    }

    /// <summary>The targets against results, with the source of an entered figure (also in a report run's section II).</summary>
    internal static void TargetTable(WordFile file, YearEndReportData data, int width)
    {
        int[] widths = [550, width - 550 - 1700 - 1500 - 1600, 1700, 1500, 1600];
        var style = new TextStyle(12);
        file.Add(DocumentParts.Grid(widths, ["TT", "Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"], data.Targets.Select((t, i) => Tables.Row(
        [
            Tables.Text(widths[0], DocumentParts.Ordinal(i), style, Align.Center),
            Tables.Text(widths[1], t.Text, style),
            Tables.Text(widths[2], $"{t.Comparison} {VietnameseFormat.Number(t.Value)} {t.Unit} (năm {t.ByYear.ToString(CultureInfo.InvariantCulture)})", style, Align.Center),
            Tables.Text(widths[3], Result(t), style, Align.Center),
            Tables.Text(widths[4], StatusText(t.Status) + (Notes(t) is { Length: > 0 } n ? $" ({n})" : string.Empty), style, Align.Center),
        ])), 12));
    }

    /// <summary>"46,2 %" and, for an entered value of a target no application counts, its period: "46,2 % (năm 2025)".</summary>
    static string Result(YearEndTargetRow t)
    {
        if (t.Actual is not { } actual)
        {
            return "Chưa có số liệu";
        }

        var value = $"{VietnameseFormat.Number(actual)} {t.Unit}";
        return t.Entered == actual && t.Note is null && t.Period is { Length: > 0 } period ? $"{value} ({period})" : value;
    }

    /// <summary>The counting's note and, for an entered value, where it comes from and when it was entered.</summary>
    static string Notes(YearEndTargetRow t)
    {
        var parts = new List<string>();
        if (t.Note is { Length: > 0 } note)
        {
            parts.Add(note);
        }

        if (t.Source is { Length: > 0 } source && t.Entered is { } entered)
        {
            var figure = t.Note is null ? string.Empty : $"số liệu báo cáo {VietnameseFormat.Number(entered)} {t.Unit} ({t.Period}), ";
            var on = t.RecordedOn is { } day ? $"; nhập ngày {VietnameseFormat.Date(day)}" : string.Empty;
            parts.Add($"{figure}nguồn: {source}{on}");
        }

        return string.Join("; ", parts);
    }

    static void Enterprises(WordFile file, YearEndReportData data)
    {
        file.Add(Para.Heading("III. DOANH NGHIỆP ĐƯỢC HỖ TRỢ"));
        var rows = data.Enterprises;
        var enterprises = rows.Select(r => r.EnterpriseCode).Distinct(StringComparer.Ordinal).Count();
        var pilots = rows.Where(r => r.IsPilotModel).Select(r => r.EnterpriseCode).Distinct(StringComparer.Ordinal).Count();
        var planFunded = rows.Where(r => r.IntegratedFundingFrom is null).ToList();
        file.Add(Para.Body(
            $"Đến ngày {VietnameseFormat.Date(data.AsOf)}, {VietnameseFormat.Number(rows.Count)} nhiệm vụ của {VietnameseFormat.Number(enterprises)} doanh nghiệp được phê duyệt hỗ trợ với tổng kinh phí {VietnameseFormat.Million(planFunded.Sum(r => r.ApprovedVnd))} triệu đồng, đã giải ngân {VietnameseFormat.Million(planFunded.Sum(r => r.DisbursedVnd))} triệu đồng; trong đó {VietnameseFormat.Number(pilots)} doanh nghiệp xây dựng mô hình điểm."));
        if (rows.Sum(r => r.OwnContributionVnd ?? 0) is > 0 and var own)
        {
            file.Add(Para.Body(
                $"- Kinh phí đối ứng của doanh nghiệp theo hồ sơ đề nghị hỗ trợ (Mục V.1.b của Kế hoạch): {VietnameseFormat.Million(own)} triệu đồng."));
        }

        if (rows.Sum(r => r.CoFundingVnd) is > 0 and var coFunding)
        {
            var sources = rows.SelectMany(r => r.CoFunding ?? []).GroupBy(c => c.Name, StringComparer.Ordinal)
                .Select(g => $"{g.Key}: {VietnameseFormat.Million(g.Sum(c => c.AmountVnd))} triệu đồng");
            file.Add(Para.Body(
                $"- Kinh phí lồng ghép từ chương trình, nguồn khác cho các nhiệm vụ: {VietnameseFormat.Million(coFunding)} triệu đồng ({string.Join("; ", sources)})."));
            file.Add(Para.Body(
                $"- Tổng kinh phí thực hiện các nhiệm vụ (kinh phí hỗ trợ, đối ứng của doanh nghiệp và lồng ghép): {VietnameseFormat.Million(rows.Sum(r => r.ApprovedVnd + (r.OwnContributionVnd ?? 0) + r.CoFundingVnd))} triệu đồng."));
        }

        foreach (var source in rows.Where(r => r.IntegratedFundingFrom is not null).GroupBy(r => r.IntegratedFundingFrom!, StringComparer.Ordinal))
        {
            file.Add(Para.Body(
                $"- {VietnameseFormat.Number(source.Count())} nhiệm vụ được hỗ trợ bằng kinh phí lồng ghép từ {source.Key}, không sử dụng kinh phí của Kế hoạch (không tính vào số kinh phí trên)."));
        }

        foreach (var status in rows.GroupBy(r => r.Status, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            file.Add(Para.Body($"- {status.Key}: {VietnameseFormat.Number(status.Count())} nhiệm vụ."));
        }

        file.Add(Para.Body("Danh sách chi tiết tại Phụ lục 2."));
    }

    static void Overdue(WordFile file, YearEndReportData data, int width)
    {
        file.Add(Para.Heading("IV. NHIỆM VỤ CHẬM TIẾN ĐỘ"));
        if (data.Overdue.Count == 0)
        {
            file.Add(Para.Body($"Đến ngày {VietnameseFormat.Date(data.AsOf)}, không có nhiệm vụ nào quá hạn."));
            return;
        }

        file.Add(Para.Body($"Đến ngày {VietnameseFormat.Date(data.AsOf)}, có {VietnameseFormat.Number(data.Overdue.Count)} việc quá hạn:"));
        int[] widths = [500, 1550, 2000, width - 500 - 1550 - 2000 - 1300 - 1000 - 1450, 1300, 1000, 1450];
        var style = new TextStyle(11);
        file.StartTable(widths, bordered: true);
        file.Add(Tables.Row(OverdueHeaders.Select((h, i) => DocumentParts.HeaderCell(widths[i], h, 11)), header: true));
        for (var i = 0; i < data.Overdue.Count; i++)
        {
            var o = data.Overdue[i];
            file.Add(Tables.Row(
            [
                Tables.Text(widths[0], DocumentParts.Ordinal(i), style, Align.Center),
                Tables.Text(widths[1], o.TrackingCode, style),
                Tables.Text(widths[2], o.EnterpriseName, style),
                Tables.Text(widths[3], o.What, style),
                Tables.Text(widths[4], VietnameseFormat.Date(o.DueDate), style, Align.Center),
                Tables.Text(widths[5], VietnameseFormat.Number(o.WorkingDaysOverdue), style, Align.Center),
                Tables.Text(widths[6], o.ResponsibleOfficer ?? string.Empty, style),
            ]));
        }

        file.EndTable();
    }

    /// <summary>" (42,5% kinh phí được sử dụng)"; nothing when there is nothing to spend.</summary>
    static string Share(long amountVnd, long spendableVnd) =>
        spendableVnd > 0 ? $" ({VietnameseFormat.Number(decimal.Round(amountVnd * 100m / spendableVnd, 1))}% kinh phí được sử dụng)" : string.Empty;

    static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "Đạt",
        TargetStatus.InProgress => "Đang thực hiện",
        TargetStatus.Missed => "Chưa đạt",
        _ => "Chưa đánh giá",
    };

    static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
