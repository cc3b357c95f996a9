namespace NsclWorkflows.Domain.Documents;

/// <summary>Turns document data into Word files (.docx) in the official format of Nghị định 30/2020/NĐ-CP.</summary>
public interface IOfficialDocumentBuilder
{
    byte[] BuildAppraisalRecord(AppraisalRecordData data);

    byte[] BuildApprovalDecision(ApprovalDecisionData data);

    byte[] BuildEvaluationMinutes(EvaluationMinutesData data);

    byte[] BuildYearEndReport(YearEndReportData data);

    /// <summary>The draft recognition decision (a builder that makes no such decision refuses it).</summary>
    byte[] BuildRecognitionDecision(RecognitionDecisionData data) =>
        throw new NotSupportedException("This builder makes no recognition decision.");

    /// <summary>
    /// Writes the year-end report to <paramref name="destination"/> as it is built, so a report of many thousand rows
    /// never sits in memory whole. The default buffers (for builders that only make bytes).
    /// </summary>
    void WriteYearEndReport(YearEndReportData data, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(BuildYearEndReport(data));
    }
}
