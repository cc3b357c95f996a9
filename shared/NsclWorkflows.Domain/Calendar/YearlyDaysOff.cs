namespace NsclWorkflows.Domain.Calendar;

/// <summary>
/// What the government announced for one year on top of the statutory holidays: extra days off (including
/// compensatory days, nghỉ bù), days that are worked although they would otherwise be off (make-up Saturdays,
/// làm bù; or a default Tết day the government did not pick), and the day joined to 2/9 when it is not 1/9.
/// A swap (hoán đổi) is written as one extra day off plus one working day, each with its note.
/// </summary>
public sealed record YearlyDaysOff(
    int Year,
    IReadOnlyList<DayAdjustment> ExtraDaysOff,
    IReadOnlyList<DayAdjustment> WorkingDays,
    DayAdjustment? NationalDayAdjacentDay,
    string? Note);
