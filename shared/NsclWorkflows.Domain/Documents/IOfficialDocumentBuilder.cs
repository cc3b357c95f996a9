namespace NsclWorkflows.Domain.Documents;

/// <summary>Turns document data into Word files (.docx) in the official format of Nghị định 30/2020/NĐ-CP.</summary>
public interface IOfficialDocumentBuilder
{
    byte[] BuildAppraisalRecord(AppraisalRecordData data);

    byte[] BuildApprovalDecision(ApprovalDecisionData data);

    byte[] BuildEvaluationMinutes(EvaluationMinutesData data);

    byte[] BuildYearEndReport(YearEndReportData data);
}
