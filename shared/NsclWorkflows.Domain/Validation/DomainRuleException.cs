namespace NsclWorkflows.Domain.Validation;

/// <summary>
/// Thrown when an operation is not allowed in the current state of an aggregate.
/// Carries a stable code and a Vietnamese message that an adapter can show as it is.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainRuleException()
        : this("domain_rule", "Thao tác không hợp lệ.")
    {
    }

    public DomainRuleException(string message)
        : this("domain_rule", message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain_rule";
    }

    public string Code { get; } = "domain_rule";
}
