namespace NsclWorkflows.Domain.Catalogue;

/// <summary>How an achieved figure is compared with a target value.</summary>
public enum TargetComparison
{
    /// <summary>At least the value ("ít nhất", "đạt").</summary>
    AtLeast,

    /// <summary>Strictly more than the value ("trên").</summary>
    GreaterThan,
}
