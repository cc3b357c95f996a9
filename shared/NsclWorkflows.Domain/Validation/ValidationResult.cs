namespace NsclWorkflows.Domain.Validation;

/// <summary>Either a valid value or the list of reasons it is not.</summary>
public sealed class ValidationResult<T>
    where T : class
{
    ValidationResult(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public static ValidationResult<T> Ok(T value) => new(value, []);

    public static ValidationResult<T> Failed(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failed result needs at least one error.", nameof(errors)) : new(null, errors);
}
