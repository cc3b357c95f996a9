using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>Word documents in the official format, built with typed DocumentFormat.OpenXml elements.</summary>
public sealed class OfficialDocumentBuilder : IOfficialDocumentBuilder
{
    public byte[] BuildAppraisalRecord(AppraisalRecordData data) => AppraisalRecordDocument.Build(data);

    public byte[] BuildApprovalDecision(ApprovalDecisionData data) => ApprovalDecisionDocument.Build(data);

    public byte[] BuildEvaluationMinutes(EvaluationMinutesData data) => EvaluationMinutesDocument.Build(data);

    public byte[] BuildRecognitionDecision(RecognitionDecisionData data) => RecognitionDecisionDocument.Build(data);

    public byte[] BuildYearEndReport(YearEndReportData data) => YearEndReportDocument.Build(data);

    public void WriteYearEndReport(YearEndReportData data, Stream destination) => YearEndReportDocument.Write(data, destination);

    /// <summary>A report run's Word report (Nghị định 30/2020 format, narrative, lead units' figures, Phụ lục 1), written as it is built.</summary>
    public static void WriteReportRun(ReportRunDocumentData data, Stream destination) => ReportRunDocument.Write(data, destination);
}
