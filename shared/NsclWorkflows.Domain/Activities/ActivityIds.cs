using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Activities;

/// <summary>Ids of programme activities: "hd-" and 26 base32 characters, never mistaken for an application id.</summary>
public static class ActivityIds
{
    public const string Prefix = "hd-";

    public static string FromRandom(ReadOnlySpan<byte> sixteenBytes) => Prefix + ApplicationIds.FromRandom(sixteenBytes);

    public static bool IsWellFormed(string? value) =>
        value is not null && value.StartsWith(Prefix, StringComparison.Ordinal) && ApplicationIds.IsWellFormed(value[Prefix.Length..]);

    /// <summary>The durable instance id of the activity's workflow.</summary>
    public static string WorkflowInstanceId(string activityId) => $"activity-{activityId}";
}
