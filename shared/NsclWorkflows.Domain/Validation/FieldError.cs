namespace NsclWorkflows.Domain.Validation;

/// <summary>
/// One reason a piece of input was refused: the field (JSON name), a stable English code for programs
/// and a Vietnamese message for people.
/// </summary>
public sealed record FieldError(string Field, string Code, string Message);
