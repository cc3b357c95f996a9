namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// A sum mismatch the Department has seen and accepted: it matches a finding with the same line, year (null for the
/// total column), printed and computed values. If the figures change, the acknowledgement no longer applies.
/// </summary>
public sealed record AcknowledgedMismatch(string LineId, int? Year, decimal? Printed, decimal? Computed, string Note);
