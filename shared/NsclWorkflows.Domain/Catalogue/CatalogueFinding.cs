namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// One line of the catalogue validation report. <see cref="LineId"/> is the budget line concerned (or, for a finding
/// about a support kind, target or policy, that object's id); <see cref="Year"/> is null for the total column
/// ("Cộng") or when no year applies. <see cref="Message"/> is Vietnamese, for officers.
/// </summary>
public sealed record CatalogueFinding(
    string Code,
    FindingKind Kind,
    string LineId,
    int? Year,
    decimal? Printed,
    decimal? Computed,
    string Message,
    bool Acknowledged = false,
    string? AcknowledgementNote = null)
{
    /// <summary>True if this finding stops the catalogue from loading.</summary>
    public bool IsBlocking => Kind == FindingKind.Error || (Kind == FindingKind.Mismatch && !Acknowledged);
}
