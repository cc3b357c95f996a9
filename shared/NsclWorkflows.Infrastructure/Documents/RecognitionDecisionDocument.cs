using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents.Word;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// The decision recognising the results of a task (quyết định công nhận kết quả thực hiện nhiệm vụ), Nghị định 30/2020
/// format: heading, "QUYẾT ĐỊNH" with its summary, the legal bases, the approval carried out and the evaluation's minutes,
/// the proposal of the division's head, Điều 1 (the result: đạt, the beneficiary, the task), Điều 2 (the amount accepted
/// for settlement, in figures and words), Điều 3 (enforcement), signature and recipients ("Như Điều 3;").
/// </summary>
static class RecognitionDecisionDocument
{
    public static byte[] Build(RecognitionDecisionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var app = data.Application;
        var width = PageSetup.TextWidth(landscape: false);
        using var file = WordFile.Create($"Quyết định công nhận kết quả thực hiện nhiệm vụ - {app.Enterprise.Name}");
        DecisionLayout.Opening(file, data.Header, data.Issuer, data.IsDraft,
            $"Về việc công nhận kết quả thực hiện nhiệm vụ “{app.Title}” của {app.Enterprise.Name}", data.LegalBases, width);

        file.Add(Para.Of($"Căn cứ {data.ApprovalReference};", new TextStyle(14, Italic: true), Layout.Body));
        file.Add(Para.Of($"Căn cứ {data.EvaluationReference};", new TextStyle(14, Italic: true), Layout.Body));
        file.Add(Para.Of($"Theo đề nghị của {data.Issuer.DivisionHead}.", new TextStyle(14, Italic: true), Layout.Body));
        file.Add(Para.Of("QUYẾT ĐỊNH:", new TextStyle(14, Bold: true), Layout.Centered with { Before = 120, After = 240 }));

        file.Add(Article(1, $"Công nhận kết quả thực hiện nhiệm vụ “{app.Title}” (hồ sơ số {app.TrackingCode}) của {app.Enterprise.Name}"
            + (app.Enterprise.EnterpriseCode.Length > 0 ? $", mã số doanh nghiệp {app.Enterprise.EnterpriseCode}" : string.Empty) + ": ĐẠT."));
        file.Add(Article(2, $"Kinh phí hỗ trợ được nghiệm thu, thanh quyết toán: {VietnameseFormat.Dong(data.AcceptedAmountVnd)} "
            + $"(Bằng chữ: {VietnameseNumberWords.Dong(data.AcceptedAmountVnd)}), trong tổng kinh phí được phê duyệt {VietnameseFormat.Dong(data.ApprovedAmountVnd)}."));
        DecisionLayout.Closing(file, 3, app.Enterprise.Name, data.Signatory, data.Recipients, width);
        return file.Finish(landscape: false, numberFirstPage: false);
    }

    static DocumentFormat.OpenXml.Wordprocessing.Paragraph Article(int number, string text) => DecisionLayout.Article(number, text);
}
