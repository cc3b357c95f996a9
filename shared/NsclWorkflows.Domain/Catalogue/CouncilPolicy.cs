namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// How a council (hội đồng tư vấn tuyển chọn, thẩm định) is made up and when it may conclude (catalogue
/// <c>councilPolicy</c>): at least <see cref="MinimumMembers"/> members, and a session concludes only when at least
/// <see cref="QuorumNumerator"/>/<see cref="QuorumDenominator"/> of the members (rounded up) declared no conflict and
/// scored, the chair or a vice-chair among them. Members who have not declared or scored are reminded after
/// <see cref="ReminderWorkingDays"/> working days and the unit's leaders told after <see cref="EscalationWorkingDays"/>.
/// The plan gives none of these numbers: they are the Department's (<see cref="Source"/>), amended as catalogue data.
/// </summary>
public sealed record CouncilPolicy(int MinimumMembers, int QuorumNumerator, int QuorumDenominator, int ReminderWorkingDays, int EscalationWorkingDays,
    CapSource Source, string? Note)
{
    /// <summary>The Department's default when the catalogue names none: 5 members, two thirds, 3 and 5 working days.</summary>
    public static CouncilPolicy DepartmentDefault { get; } = new(5, 2, 3, 3, 5, CapSource.DepartmentDefault, null);

    /// <summary>The members who must have declared no conflict and scored for a council of <paramref name="members"/> to conclude.</summary>
    public int QuorumOf(int members) => (members * QuorumNumerator + QuorumDenominator - 1) / QuorumDenominator;
}
