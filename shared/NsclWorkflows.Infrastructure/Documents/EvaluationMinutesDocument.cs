using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// The final-evaluation minutes (biên bản nghiệm thu): when and where and on which decision, the council, the task,
/// the results per criterion (committed, achieved, met or not), the verdict (ĐẠT / KHÔNG ĐẠT), the conclusion, the amount
/// accepted for settlement in figures and words, and recommendations. Signed by the secretary and the chair.
/// </summary>
static class EvaluationMinutesDocument
{
    public static byte[] Build(EvaluationMinutesData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var app = data.Application;
        var width = PageSetup.TextWidth(landscape: false);
        using var file = WordFile.Create($"Biên bản nghiệm thu - {app.Enterprise.Name}");
        file.Add(OfficialLayout.Heading(data.Header));
        file.AddRange(OfficialLayout.Title("Biên bản", $"Họp Hội đồng đánh giá, nghiệm thu nhiệm vụ “{app.Title}”", width));
        file.Add(Para.Body($"Căn cứ {data.DecisionReference};"));
        if (data.Council is { } founded)
        {
            var signer = founded.DecisionSignerTitle is { Length: > 0 } title ? $"{title} {founded.DecisionSigner}" : founded.DecisionSigner;
            file.Add(Para.Body(
                $"Căn cứ Quyết định số {founded.DecisionNumber} ngày {VietnameseFormat.Date(founded.DecisionSignedOn)} ({signer} ký) về việc thành lập {founded.Name};"));
        }

        var opening = data.ClosedAt == data.HeldAt
            ? $"Hôm nay, {VietnameseFormat.DayMonthYear(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(data.HeldAt, DocumentParts.Vietnam).DateTime))}"
            : $"Vào lúc {VietnameseFormat.TimeAndDate(data.HeldAt, DocumentParts.Vietnam)}";
        file.Add(Para.Body(
            $"{opening}, tại {data.Location}, {data.Council?.Name ?? "Hội đồng đánh giá, nghiệm thu"} họp để đánh giá kết quả thực hiện nhiệm vụ của {app.Enterprise.Name}."));

        file.Add(Para.Heading(data.Council is null ? "I. THÀNH PHẦN THAM DỰ" : "I. THÀNH PHẦN HỘI ĐỒNG"));
        int[] members = [600, 3000, 2400, width - 6000];
        file.Add(DocumentParts.Grid(members, ["TT", "Họ và tên", "Chức danh", "Đơn vị"], data.Members.Select((m, i) => Tables.Row(
        [
            Tables.Text(members[0], DocumentParts.Ordinal(i), new TextStyle(13), Align.Center),
            Tables.Text(members[1], m.Name, new TextStyle(13)),
            Tables.Text(members[2], m.Role, new TextStyle(13)),
            Tables.Text(members[3], m.Organisation, new TextStyle(13)),
        ]))));

        if (data.Council is { } seated)
        {
            var counted = seated.Members.Count(m => m.Counted);
            file.Add(Para.Of($"Số thành viên chấm phiếu: {counted}/{seated.Members.Count} (cần ít nhất {seated.Quorum} thành viên không xung đột lợi ích, trong đó có Chủ tịch hoặc Phó Chủ tịch).",
                TextStyle.Body, Layout.Body with { Before = 120 }));
            foreach (var m in seated.Members.Where(m => m.RecusalReason is not null))
            {
                file.Add(Para.Body($"{m.FullName} ({m.RoleText}) không tham gia đánh giá do xung đột lợi ích: {DocumentParts.Sentence(m.RecusalReason!)}"));
            }
        }

        file.Add(Para.Heading("II. THÔNG TIN NHIỆM VỤ"));
        file.Add(DocumentParts.Particulars(app, width, ("Kinh phí được phê duyệt", VietnameseFormat.Dong(data.ApprovedAmountVnd))));

        file.Add(Para.Heading("III. KẾT QUẢ ĐÁNH GIÁ"));
        if (!data.ScoredAgainstRubric && data.Results.All(r => r.Met is null))
        {
            // Scores as recorded, without a verdict per criterion (no rubric gives a pass mark).
            int[] scores = [600, 4755, 2000, 2000];
            file.Add(DocumentParts.Grid(scores, ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đánh giá"], data.Results.Select((r, i) => Tables.Row(
            [
                Tables.Text(scores[0], DocumentParts.Ordinal(i), new TextStyle(13), Align.Center),
                Tables.Text(scores[1], r.Criterion, new TextStyle(13)),
                Tables.Text(scores[2], r.Committed, new TextStyle(13), Align.Center),
                Tables.Text(scores[3], r.Achieved, new TextStyle(13), Align.Center),
            ]))));
        }
        else
        {
            // Against a rubric: the maximum and the score, and the rubric's verdict; else what was committed and achieved.
            int[] results = data.ScoredAgainstRubric ? [600, 4155, 1600, 1600, 1400] : [600, 2600, 2300, 2455, 1400];
            string[] headers = data.ScoredAgainstRubric ? ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đánh giá", "Đánh giá"] : ["TT", "Nội dung", "Theo đăng ký", "Kết quả đạt được", "Đánh giá"];
            file.Add(DocumentParts.Grid(results, headers, data.Results.Select((r, i) => Tables.Row(
            [
                Tables.Text(results[0], DocumentParts.Ordinal(i), new TextStyle(13), Align.Center),
                Tables.Text(results[1], r.Criterion, new TextStyle(13)),
                Tables.Text(results[2], r.Committed, new TextStyle(13)),
                Tables.Text(results[3], r.Achieved, new TextStyle(13)),
                Tables.Text(results[4], r.Met switch { true => "Đạt", false => "Không đạt", null => "–" }, new TextStyle(13), Align.Center),
            ]))));
        }

        if (data.MemberSheets.Count > 0)
        {
            // Each counted member's scores (criteria down, members across, with the average), then their comments.
            file.Add(Para.Of("Điểm của từng thành viên:", new TextStyle(14, Bold: true), Layout.Body with { Before = 120 }));
            file.Add(AppraisalRecordDocument.ScoreTable(data.MemberSheets, width));
            foreach (var sheet in data.MemberSheets)
            {
                var amount = sheet.RecommendedAmountVnd is { } r ? $" Kinh phí đề nghị nghiệm thu: {VietnameseFormat.Dong(r)}." : string.Empty;
                file.Add(Para.Of(Layout.Body, ($"{sheet.Name} ({sheet.Role}): ", new TextStyle(14, Bold: true)),
                    (DocumentParts.Sentence(sheet.Comment) + amount, TextStyle.Body)));
                foreach (var score in sheet.Scores.Where(x => !string.IsNullOrWhiteSpace(x.Comment)))
                {
                    file.Add(Para.Body($"- {score.Criterion}: {DocumentParts.Sentence(score.Comment!)}"));
                }
            }
        }

        file.Add(Para.Heading("IV. KẾT LUẬN CỦA HỘI ĐỒNG"));
        file.Add(Para.Of(Layout.Body,
            ("Hội đồng thống nhất đánh giá nhiệm vụ: ", TextStyle.Body),
            (data.Outcome == EvaluationOutcome.Passed ? "ĐẠT" : "KHÔNG ĐẠT", new TextStyle(14, Bold: true)),
            (".", TextStyle.Body)));
        file.Add(Para.Body(data.Conclusion));
        file.Add(Para.Body(
            $"Kinh phí được nghiệm thu, đề nghị thanh quyết toán: {VietnameseFormat.Dong(data.AcceptedAmountVnd)} (Bằng chữ: {VietnameseNumberWords.Dong(data.AcceptedAmountVnd)})."));

        if (data.Recommendations.Count > 0)
        {
            file.Add(Para.Heading("V. KIẾN NGHỊ"));
            foreach (var recommendation in data.Recommendations)
            {
                file.Add(Para.Body("- " + recommendation));
            }
        }

        if (data.ClosedAt is { } closed)
        {
            var local = TimeZoneInfo.ConvertTime(closed, DocumentParts.Vietnam);
            var sameDay = DateOnly.FromDateTime(local.DateTime) == DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(data.HeldAt, DocumentParts.Vietnam).DateTime);
            file.Add(Para.Body(sameDay
                ? $"Cuộc họp kết thúc lúc {local.Hour:00} giờ {local.Minute:00} phút cùng ngày."
                : $"Cuộc họp kết thúc lúc {VietnameseFormat.TimeAndDate(closed, DocumentParts.Vietnam)}."));
        }

        file.Add(Para.Body("Biên bản được lập thành 03 bản, có giá trị như nhau, được các thành viên Hội đồng thống nhất thông qua./."));
        file.Add(OfficialLayout.TwoSigners("Thư ký hội đồng", data.SecretaryName, "Chủ tịch hội đồng", data.ChairName, width));
        return file.Finish(landscape: false, numberFirstPage: false);
    }
}
