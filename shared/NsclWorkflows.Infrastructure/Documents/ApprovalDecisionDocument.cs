using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// The decision approving support (quyết định phê duyệt hỗ trợ): heading, "QUYẾT ĐỊNH" with its summary, the legal
/// bases (the Department's competence first), the review of the file and the proposal of the division's head, Điều 1
/// (beneficiary, its contact person, task, content, amount in figures and words, budget line and year, duration), Điều 2
/// (the enterprise's obligations and check-in schedule), Điều 3 (enforcement), signature and recipients ("Như Điều 3;").
/// </summary>
static class ApprovalDecisionDocument
{
    public static byte[] Build(ApprovalDecisionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var app = data.Application;
        var width = PageSetup.TextWidth(landscape: false);
        using var file = WordFile.Create($"Quyết định phê duyệt hỗ trợ - {app.Enterprise.Name}");
        DecisionLayout.Opening(file, data.Header, data.Issuer, data.IsDraft,
            $"Về việc phê duyệt hỗ trợ thực hiện nhiệm vụ “{app.Title}” cho {app.Enterprise.Name}", data.LegalBases, width);

        file.Add(Para.Of(
            $"Xét hồ sơ đề nghị hỗ trợ số {app.TrackingCode} của {app.Enterprise.Name} và kết quả thẩm định hồ sơ;",
            new TextStyle(14, Italic: true), Layout.Body));
        file.Add(Para.Of($"Theo đề nghị của {data.Issuer.DivisionHead}.", new TextStyle(14, Italic: true), Layout.Body));
        file.Add(Para.Of("QUYẾT ĐỊNH:", new TextStyle(14, Bold: true), Layout.Centered with { Before = 120, After = 240 }));

        file.Add(Article(1, "Phê duyệt hỗ trợ thực hiện nhiệm vụ với các nội dung sau:"));
        file.Add(Para.Body(app.Enterprise.EnterpriseCode.Length > 0
            ? $"1. Đơn vị được hỗ trợ: {app.Enterprise.Name}; mã số doanh nghiệp: {app.Enterprise.EnterpriseCode}."
            : $"1. Đơn vị được hỗ trợ: {app.Enterprise.Name}."));
        if (app.Nominees.Count > 0)
        {
            file.Add(Para.Body($"Người được cử tham gia ({app.Nominees.Count} người):"));
            foreach (var nominee in app.Nominees)
            {
                file.Add(Para.Body("- " + nominee));
            }
        }

        if (app.Enterprise.Address is { Length: > 0 } address)
        {
            file.Add(Para.Body($"Địa chỉ: {address}."));
        }

        if (app.Enterprise.Representative is { Length: > 0 } representative)
        {
            var title = app.Enterprise.RepresentativeTitle is { Length: > 0 } t ? $", {t}" : string.Empty;
            file.Add(Para.Body($"Người đại diện theo pháp luật: {representative}{title}."));
        }

        if (app.Enterprise.ContactPerson is { Length: > 0 } contact)
        {
            file.Add(Para.Body($"Người liên hệ: {contact}."));
        }

        file.Add(Para.Body($"2. Tên nhiệm vụ: {app.Title} (loại hỗ trợ: {app.SupportKindName})."));
        file.Add(Para.Body("3. Nội dung hỗ trợ:"));
        foreach (var item in data.Content)
        {
            file.Add(Para.Body("- " + item));
        }

        if (app.IntegratedFundingFrom is { } fundedFrom)
        {
            // Lồng ghép: the money is another programme's; this decision states no amount of the plan's budget.
            file.Add(Para.Body($"4. Kinh phí hỗ trợ: kinh phí lồng ghép từ {fundedFrom}; không sử dụng kinh phí sự nghiệp khoa học và công nghệ của Kế hoạch số 37/KH-UBND."));
            file.Add(Para.Body($"5. Nội dung thực hiện: {app.BudgetLineId} “{app.BudgetLineName}”."));
        }
        else
        {
            file.Add(Para.Body($"4. Kinh phí hỗ trợ: {VietnameseFormat.Dong(data.AmountVnd)} (Bằng chữ: {VietnameseNumberWords.Dong(data.AmountVnd)})."));
            if (app.CoFunding is { Count: > 0 } coFunding)
            {
                // The task's funding sources, each on its line (Nghị định 30/2020/NĐ-CP: a list item per line, "-" then "+").
                var coFundingVnd = Domain.Applications.CoFundingRules.Total(coFunding);
                var own = app.OwnContributionVnd ?? 0;
                file.Add(Para.Body($"Tổng kinh phí thực hiện nhiệm vụ: {VietnameseFormat.Dong(data.AmountVnd + own + coFundingVnd)}, trong đó:"));
                file.Add(Para.Body($"- Kinh phí hỗ trợ từ ngân sách nhà nước theo Kế hoạch số 37/KH-UBND: {VietnameseFormat.Dong(data.AmountVnd)};"));
                file.Add(Para.Body($"- Kinh phí đối ứng của {app.Enterprise.Name}: {VietnameseFormat.Dong(own)};"));
                file.Add(Para.Body($"- Kinh phí lồng ghép từ chương trình, nguồn khác: {VietnameseFormat.Dong(coFundingVnd)}, gồm:"));
                for (var i = 0; i < coFunding.Count; i++)
                {
                    file.Add(Para.Body($"+ {coFunding[i].Name}: {VietnameseFormat.Dong(coFunding[i].AmountVnd)}{(i == coFunding.Count - 1 ? "." : ";")}"));
                }
            }
            else if (app.OwnContributionVnd is { } own)
            {
                file.Add(Para.Body($"Kinh phí đối ứng của {app.Enterprise.Name}: {VietnameseFormat.Dong(own)}; tổng kinh phí thực hiện nhiệm vụ: {VietnameseFormat.Dong(data.AmountVnd + own)}."));
            }

            file.Add(Para.Body(
                $"5. Nguồn kinh phí: kinh phí sự nghiệp khoa học và công nghệ năm {data.BudgetYear}, nội dung {app.BudgetLineId} “{app.BudgetLineName}”."));
        }

        file.Add(Para.Body(app.DurationMonths is { } months
            ? $"6. Thời gian thực hiện: {months} tháng, từ ngày {VietnameseFormat.Date(data.StartDate)} đến ngày {VietnameseFormat.Date(data.EndDate)}."
            : $"6. Thời gian thực hiện: từ ngày {VietnameseFormat.Date(data.StartDate)} đến ngày {VietnameseFormat.Date(data.EndDate)}."));

        file.Add(Article(2, $"Trách nhiệm của {app.Enterprise.Name}:"));
        foreach (var obligation in data.Obligations)
        {
            file.Add(Para.Body("- " + obligation));
        }

        if (data.CheckIns.Count > 0)
        {
            file.Add(Para.Body($"- Báo cáo tiến độ thực hiện nhiệm vụ về {data.Issuer.Name} theo lịch sau:"));
            int[] columns = [1100, 1900, width - 3000];
            var header = Tables.Row(
            [
                Tables.Text(columns[0], "Lần", new TextStyle(13, Bold: true), Align.Center, shaded: true),
                Tables.Text(columns[1], "Hạn nộp", new TextStyle(13, Bold: true), Align.Center, shaded: true),
                Tables.Text(columns[2], "Nội dung báo cáo", new TextStyle(13, Bold: true), Align.Center, shaded: true),
            ], header: true);
            var rows = data.CheckIns.Select(c => Tables.Row(
            [
                Tables.Text(columns[0], c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), new TextStyle(13), Align.Center),
                Tables.Text(columns[1], VietnameseFormat.Date(c.DueDate), new TextStyle(13), Align.Center),
                Tables.Text(columns[2], c.WhatToReport, new TextStyle(13)),
            ]));
            file.Add(Tables.Make(columns, bordered: true, rows.Prepend(header)));
        }

        DecisionLayout.Closing(file, 3, app.Enterprise.Name, data.Signatory, data.Recipients, width);
        return file.Finish(landscape: false, numberFirstPage: false);
    }

    static DocumentFormat.OpenXml.Wordprocessing.Paragraph Article(int number, string text) => DecisionLayout.Article(number, text);
}
