namespace NsclWorkflows.Infrastructure.Email.Templates;

/// <summary>A template that cannot be parsed, or cannot be rendered with the facts given (missing or malformed values).</summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message) : base(message)
    {
    }

    public TemplateException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The placeholders that had no value, when that is the reason.</summary>
    public IReadOnlyList<string> MissingNames { get; init; } = [];
}
