namespace NsclWorkflows.Domain.Applications;

/// <summary>What an enterprise submitted, after validation and normalisation (NFC, trimmed).</summary>
public sealed record ApplicationSubmission(
    string EnterpriseCode,
    string EnterpriseName,
    string ContactName,
    string ContactEmail,
    string Phone,
    string SupportKindId,
    string Title,
    string Summary,
    long RequestedAmountVnd);
