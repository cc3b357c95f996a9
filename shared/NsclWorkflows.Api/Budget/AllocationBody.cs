namespace NsclWorkflows.Api.Budget;

/// <summary>
/// The body of <c>POST /api/budget/allocations</c> as the OpenAPI document shows it. The handler reads the JSON itself
/// (field by field, with Vietnamese errors); a test holds these members equal to <see cref="AllocationsHandler.Known"/>.
/// </summary>
/// <param name="Kind"><c>allocation</c> (dự toán được giao, or its revision) or <c>transfer</c> (between two lines).</param>
/// <param name="Year">The budget year.</param>
/// <param name="LineId">The budget line of an allocation.</param>
/// <param name="FromLineId">The line a transfer takes from.</param>
/// <param name="ToLineId">The line a transfer gives to.</param>
/// <param name="AmountVnd">The allocated amount (the line's new total) or the amount transferred, in đồng.</param>
/// <param name="DocumentNumber">The number of the decision that allocates or transfers.</param>
/// <param name="DocumentDate">Its date, <c>yyyy-MM-dd</c>.</param>
/// <param name="DocumentIssuer">Who issued it.</param>
/// <param name="Note">A note.</param>
public sealed record AllocationBody(
    string Kind,
    int Year,
    string? LineId,
    string? FromLineId,
    string? ToLineId,
    long AmountVnd,
    string DocumentNumber,
    DateOnly DocumentDate,
    string DocumentIssuer,
    string? Note);
