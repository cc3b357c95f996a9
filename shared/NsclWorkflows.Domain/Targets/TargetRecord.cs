using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Targets;

/// <summary>
/// What target progress needs to know of one application, whatever stores it: its support kind, where it stands, the
/// programme year it belongs to (its budget year) and, for expert training, how many persons it nominates.
/// </summary>
public sealed record TargetRecord(string ApplicationId, string EnterpriseCode, string KindId, ApplicationStatus Status, int Year, int Persons = 1);
