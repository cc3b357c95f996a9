namespace NsclWorkflows.Domain.Catalogue;

/// <summary>What sort of line of the validation report a finding is.</summary>
public enum FindingKind
{
    /// <summary>A printed figure differs from the sum it should equal. Blocks loading unless acknowledged.</summary>
    Mismatch,

    /// <summary>A structural error (duplicate id, unknown line, non-positive policy value). Always blocks loading.</summary>
    Error,

    /// <summary>An item with all cells empty: funded elsewhere (lồng ghép), left out of its group's sums.</summary>
    IntegratedElsewhere,

    /// <summary>Information only, for instance an acknowledgement that no longer matches any mismatch.</summary>
    Notice,
}
