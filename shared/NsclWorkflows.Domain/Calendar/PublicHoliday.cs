namespace NsclWorkflows.Domain.Calendar;

/// <summary>One statutory public holiday (ngày nghỉ lễ, Tết) on a given date, with its Vietnamese name.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);
