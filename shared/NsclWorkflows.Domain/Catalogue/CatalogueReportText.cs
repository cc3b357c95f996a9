using System.Text;

namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// The validation report as plain text for a console or a log: a heading, a summary, then one finding per line:
/// status | line | year ("Cộng" for the total column) | printed | computed | code | message [| acknowledgement note].
/// </summary>
public static class CatalogueReportText
{
    public static string Render(CatalogueReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var f = report.Findings;
        var mismatches = f.Count(x => x.Kind == FindingKind.Mismatch);
        var acknowledged = f.Count(x => x.Kind == FindingKind.Mismatch && x.Acknowledged);
        var text = new StringBuilder();
        text.Append("Báo cáo kiểm tra danh mục ").Append(report.CatalogueVersion).AppendLine(" (đơn vị: triệu đồng)");
        text.Append("Kết quả: ").Append(report.IsLoadable ? "HỢP LỆ" : "KHÔNG HỢP LỆ")
            .Append("; ").Append(mismatches).Append(" chênh lệch (").Append(acknowledged).Append(" đã ghi nhận, ")
            .Append(mismatches - acknowledged).Append(" chưa ghi nhận); ")
            .Append(f.Count(x => x.Kind == FindingKind.Error)).Append(" lỗi; ")
            .Append(f.Count(x => x.Kind == FindingKind.IntegratedElsewhere)).Append(" nội dung lồng ghép; ")
            .Append(f.Count(x => x.Kind == FindingKind.Notice)).AppendLine(" lưu ý.");
        foreach (var finding in f)
        {
            text.AppendLine(Line(finding));
        }

        return text.ToString();
    }

    /// <summary>One finding on one line.</summary>
    public static string Line(CatalogueFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var line = string.Join(" | ",
            Status(finding),
            finding.LineId,
            finding.Year is { } year ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Cộng",
            "in " + ReportNumber.Format(finding.Printed),
            "tính " + ReportNumber.Format(finding.Computed),
            finding.Code,
            finding.Message);
        return finding.AcknowledgementNote is { } note ? $"{line} | Ghi nhận: {note}" : line;
    }

    static string Status(CatalogueFinding f) => f.Kind switch
    {
        FindingKind.Mismatch when f.Acknowledged => "[CHÊNH LỆCH - ĐÃ GHI NHẬN]",
        FindingKind.Mismatch => "[CHÊNH LỆCH - CHƯA GHI NHẬN]",
        FindingKind.Error => "[LỖI]",
        FindingKind.IntegratedElsewhere => "[LỒNG GHÉP]",
        _ => "[LƯU Ý]",
    };
}
