namespace NsclWorkflows.Domain.Catalogue;

/// <summary>Something an enterprise (or a nominated person) can apply for, with the rules its workflow follows.</summary>
public sealed record SupportKind(
    string Id,
    string Name,
    string Description,
    string BudgetLineId,
    long? MaxAmountVnd,
    WorkflowPolicy Policy);
