namespace NsclWorkflows.Domain.Documents;

/// <summary>Kinds of stored documents: the first segment of their blob names. Stable strings: only add.</summary>
public static class DocumentKinds
{
    public const string AppraisalRecord = "appraisal-record";
    public const string ApprovalDecision = "approval-decision";
    public const string EvaluationMinutes = "evaluation-minutes";
    public const string YearEndReport = "year-end-report";

    /// <summary>The signed approval decision (the PDF a leader recorded), the one the enterprise receives.</summary>
    public const string SignedApprovalDecision = "signed-approval-decision";

    /// <summary>The draft recognition decision (quyết định công nhận kết quả thực hiện nhiệm vụ), officers only.</summary>
    public const string RecognitionDecision = "recognition-decision";

    /// <summary>The signed recognition decision (the PDF a leader recorded), the one the enterprise receives.</summary>
    public const string SignedRecognitionDecision = "signed-recognition-decision";

    /// <summary>The data a year-end report was built from (JSON), kept beside each report for audit.</summary>
    public const string YearEndReportData = "year-end-report-data";

    /// <summary>The kinds stored per application (scope = application id).</summary>
    public static readonly IReadOnlyList<string> PerApplication = [AppraisalRecord, ApprovalDecision, EvaluationMinutes, SignedApprovalDecision,
        RecognitionDecision, SignedRecognitionDecision];

    public const string PdfContentType = "application/pdf";

    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string JsonContentType = "application/json";
}

/// <summary>What a person calls each kind of document: file names and lists use the same words.</summary>
public static class DocumentTitles
{
    public static string Vietnamese(string kind) => kind switch
    {
        DocumentKinds.AppraisalRecord => "Biên bản thẩm định",
        DocumentKinds.ApprovalDecision => "Dự thảo quyết định phê duyệt hỗ trợ",
        DocumentKinds.EvaluationMinutes => "Biên bản nghiệm thu",
        DocumentKinds.SignedApprovalDecision => "Quyết định phê duyệt hỗ trợ (bản đã ký)",
        DocumentKinds.RecognitionDecision => "Dự thảo quyết định công nhận kết quả thực hiện nhiệm vụ",
        DocumentKinds.SignedRecognitionDecision => "Quyết định công nhận kết quả thực hiện nhiệm vụ (bản đã ký)",
        _ => kind,
    };
}
