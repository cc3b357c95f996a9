using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// The appraisal record (biên bản thẩm định): when and where, the application's particulars, the appraisers, a score
/// table (criteria down, appraisers across, with the average), each appraiser's comments and recommended amount, and
/// the conclusion with the recommended amount in figures and words. Signed by the secretary and the chair of a council,
/// or, while officers appraise without one (no chair named), by each appraiser.
/// </summary>
static class AppraisalRecordDocument
{
    public static byte[] Build(AppraisalRecordData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var app = data.Application;
        var width = PageSetup.TextWidth(landscape: false);
        using var file = WordFile.Create($"Biên bản thẩm định - {app.Enterprise.Name}");
        file.Add(OfficialLayout.Heading(data.Header));
        file.AddRange(OfficialLayout.Title("Biên bản", $"Thẩm định hồ sơ đề nghị hỗ trợ nhiệm vụ “{app.Title}”", width));
        if (data.Council is { } council)
        {
            var signer = council.DecisionSignerTitle is { Length: > 0 } title ? $"{title} {council.DecisionSigner}" : council.DecisionSigner;
            file.Add(Para.Body(
                $"Căn cứ Quyết định số {council.DecisionNumber} ngày {VietnameseFormat.Date(council.DecisionSignedOn)} ({signer} ký) về việc thành lập {council.Name};"));
            file.Add(Para.Body(
                $"Vào lúc {VietnameseFormat.TimeAndDate(council.MeetingStartUtc, DocumentParts.Vietnam)}, tại {data.Location}, {council.Name} họp thẩm định hồ sơ đề nghị hỗ trợ số {app.TrackingCode} của {app.Enterprise.Name}."));
        }
        else
        {
            file.Add(Para.Body(
                $"Vào lúc {VietnameseFormat.TimeAndDate(data.HeldAt, DocumentParts.Vietnam)}, tại {data.Location}, {data.Issuer.Name} thành phố Đà Nẵng tổ chức thẩm định hồ sơ đề nghị hỗ trợ số {app.TrackingCode} của {app.Enterprise.Name}."));
        }

        file.Add(Para.Heading("I. THÔNG TIN HỒ SƠ"));
        file.Add(DocumentParts.Particulars(app, width));

        if (data.Council is { } members)
        {
            file.Add(Para.Heading("II. THÀNH PHẦN HỘI ĐỒNG"));
            for (var i = 0; i < members.Members.Count; i++)
            {
                var m = members.Members[i];
                var who = string.Join(", ", new[] { m.Title, m.Organisation }.Where(x => !string.IsNullOrWhiteSpace(x)));
                file.Add(Para.Body($"{DocumentParts.Ordinal(i)}. {m.FullName}{(who.Length > 0 ? " (" + who + ")" : string.Empty)} – {m.RoleText}."));
            }

            var counted = members.Members.Count(m => m.Counted);
            file.Add(Para.Body($"Số thành viên chấm phiếu: {counted}/{members.Members.Count} (cần ít nhất {members.Quorum} thành viên không xung đột lợi ích, trong đó có Chủ tịch hoặc Phó Chủ tịch)."));
            foreach (var m in members.Members.Where(m => m.RecusalReason is not null))
            {
                file.Add(Para.Body($"{m.FullName} ({m.RoleText}) không tham gia đánh giá do xung đột lợi ích: {DocumentParts.Sentence(m.RecusalReason!)}"));
            }
        }
        else
        {
            file.Add(Para.Heading("II. THÀNH PHẦN THẨM ĐỊNH"));
            for (var i = 0; i < data.Appraisers.Count; i++)
            {
                file.Add(Para.Body($"{DocumentParts.Ordinal(i)}. {data.Appraisers[i].Name} – {data.Appraisers[i].Role}."));
            }
        }

        file.Add(Para.Heading("III. KẾT QUẢ CHẤM ĐIỂM"));
        file.Add(ScoreTable(data.Appraisers, width));
        var average = data.Appraisers.Count == 0 ? 0 : data.Appraisers.Average(a => a.Total);
        var maxTotal = data.Appraisers.Count == 0 ? 0 : data.Appraisers.Max(a => a.MaxTotal);
        file.Add(Para.Of(data.Outcome is null
            ? $"Điểm trung bình: {VietnameseFormat.Number(decimal.Round(average, 2))}/{VietnameseFormat.Number(maxTotal)} điểm."
            : $"Kết quả theo phiếu đánh giá: {data.OutcomeText}.", TextStyle.Body, Layout.Body with { Before = 120 }));

        file.Add(Para.Heading(data.ChairName.Length > 0 ? "IV. Ý KIẾN CỦA CÁC THÀNH VIÊN" : "IV. Ý KIẾN CỦA CÁN BỘ THẨM ĐỊNH"));
        foreach (var a in data.Appraisers)
        {
            var amount = a.RecommendedAmountVnd is { } r ? $" Kinh phí đề xuất: {VietnameseFormat.Dong(r)}." : string.Empty;
            file.Add(Para.Of(Layout.Body, ($"{a.Name} ({a.Role}): ", new TextStyle(14, Bold: true)), (DocumentParts.Sentence(a.Comment) + amount, TextStyle.Body)));
            foreach (var s in a.Scores.Where(s => !string.IsNullOrWhiteSpace(s.Comment)))
            {
                file.Add(Para.Body($"- {s.Criterion}: {DocumentParts.Sentence(s.Comment!)}"));
            }
        }

        file.Add(Para.Heading("V. KẾT LUẬN"));
        file.Add(Para.Body(data.Conclusion));
        file.Add(Para.Body(
            $"Kinh phí đề nghị hỗ trợ: {VietnameseFormat.Dong(data.RecommendedAmountVnd)} (Bằng chữ: {VietnameseNumberWords.Dong(data.RecommendedAmountVnd)})."));
        if (data.Council is { } meeting)
        {
            file.Add(Para.Body($"Phiên họp kết thúc vào lúc {VietnameseFormat.TimeAndDate(meeting.MeetingEndUtc, DocumentParts.Vietnam)}."));
        }

        if (data.ChairName.Length > 0)
        {
            file.Add(Para.Body("Biên bản được lập thành 02 bản, có giá trị như nhau, được các thành viên thống nhất thông qua./."));
            file.Add(OfficialLayout.TwoSigners("Thư ký", data.SecretaryName, "Chủ tịch hội đồng", data.ChairName, width));
        }
        else
        {
            // No council: the appraisers sign, two a row.
            file.Add(Para.Body("Biên bản được lập thành 02 bản, có giá trị như nhau./."));
            for (var i = 0; i < data.Appraisers.Count; i += 2)
            {
                var left = data.Appraisers[i];
                var right = i + 1 < data.Appraisers.Count ? data.Appraisers[i + 1] : null;
                file.Add(right is null
                    ? OfficialLayout.TwoSigners(string.Empty, string.Empty, left.Role, left.Name, width)
                    : OfficialLayout.TwoSigners(left.Role, left.Name, right.Role, right.Name, width));
            }
        }

        return file.Finish(landscape: false, numberFirstPage: false);
    }

    /// <summary>Criteria (in order of first appearance) down, appraisers across, then the maximum and the average.</summary>
    internal static DocumentFormat.OpenXml.Wordprocessing.Table ScoreTable(IReadOnlyList<AppraiserAssessment> appraisers, int width)
    {
        var criteria = appraisers.SelectMany(a => a.Scores).Select(s => s.Criterion).Distinct(StringComparer.Ordinal).ToList();
        const int number = 600, max = 1000, average = 1100;
        var perAppraiser = appraisers.Count == 0 ? 0 : Math.Min(950, (width - number - max - average - 2800) / appraisers.Count);
        var criterion = width - number - max - average - perAppraiser * appraisers.Count;
        var widths = new List<int> { number, criterion, max };
        widths.AddRange(appraisers.Select(_ => perAppraiser));
        widths.Add(average);
        var headers = new List<string> { "TT", "Tiêu chí", "Điểm tối đa" };
        headers.AddRange(appraisers.Select((_, i) => $"TV {DocumentParts.Ordinal(i)}"));
        headers.Add("Trung bình");

        var small = new TextStyle(12);
        var rows = criteria.Select((c, i) =>
        {
            var scores = appraisers.Select(a => a.Scores.FirstOrDefault(s => s.Criterion == c)).ToList();
            var given = scores.Where(s => s is not null).Select(s => s!.Score).ToList();
            var cells = new List<DocumentFormat.OpenXml.Wordprocessing.TableCell>
            {
                Tables.Text(number, DocumentParts.Ordinal(i), small, Align.Center),
                Tables.Text(criterion, c, small),
                Tables.Text(max, VietnameseFormat.Number(scores.FirstOrDefault(s => s is not null)?.MaxScore ?? 0), small, Align.Center),
            };
            cells.AddRange(scores.Select(s => Tables.Text(perAppraiser, s is null ? "–" : VietnameseFormat.Number(s.Score), small, Align.Center)));
            cells.Add(Tables.Text(average, given.Count == 0 ? "–" : VietnameseFormat.Number(decimal.Round(given.Average(), 2)), small, Align.Center));
            return Tables.Row(cells);
        }).ToList();

        var bold = new TextStyle(12, Bold: true);
        var totals = new List<DocumentFormat.OpenXml.Wordprocessing.TableCell>
        {
            Tables.Text(number + criterion, "Tổng điểm", bold, Align.Center, span: 2),
            Tables.Text(max, VietnameseFormat.Number(appraisers.Count == 0 ? 0 : appraisers.Max(a => a.MaxTotal)), bold, Align.Center),
        };
        totals.AddRange(appraisers.Select(a => Tables.Text(perAppraiser, VietnameseFormat.Number(a.Total), bold, Align.Center)));
        totals.Add(Tables.Text(average, appraisers.Count == 0 ? "–" : VietnameseFormat.Number(decimal.Round(appraisers.Average(a => a.Total), 2)), bold, Align.Center));
        rows.Add(Tables.Row(totals));
        return DocumentParts.Grid(widths, headers, rows, 12);
    }
}
