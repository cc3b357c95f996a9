namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// The numbers of calls for applications (catalogue <c>callPolicy</c>). Kế hoạch 37/KH-UBND gives none, so the shipped
/// values are the Department's defaults (<see cref="Source"/> <c>department-default</c>), to be confirmed:
/// <see cref="MinimumOpenWorkingDays"/> the shortest period a call is open (working days from its open date to its close
/// date, both counted), <see cref="FinalisationWorkingDays"/> the working days after the close within which the call is
/// to be finalised (then the officers are reminded), <see cref="EscalationWorkingDays"/> the working days after that
/// reminder before the leaders are told.
/// </summary>
public sealed record CallPolicy(int MinimumOpenWorkingDays, int FinalisationWorkingDays, int EscalationWorkingDays)
{
    /// <summary>What a catalogue without <c>callPolicy</c> takes.</summary>
    public static readonly CallPolicy Default = new(10, 20, 5);

    public CapSource Source { get; init; } = CapSource.DepartmentDefault;

    public string? Note { get; init; }
}
