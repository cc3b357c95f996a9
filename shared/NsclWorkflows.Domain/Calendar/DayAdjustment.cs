namespace NsclWorkflows.Domain.Calendar;

/// <summary>One announced change to the ordinary calendar: a date, why, and where the announcement came from.</summary>
public sealed record DayAdjustment(DateOnly Date, string Note, string Source);
