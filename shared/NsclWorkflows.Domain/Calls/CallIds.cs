using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Domain.Calls;

/// <summary>Ids of calls: "dot-" and 26 base32 characters, never mistaken for an application or activity id.</summary>
public static class CallIds
{
    public const string Prefix = "dot-";

    public static string FromRandom(ReadOnlySpan<byte> sixteenBytes) => Prefix + ApplicationIds.FromRandom(sixteenBytes);

    public static bool IsWellFormed(string? value) =>
        value is not null && value.StartsWith(Prefix, StringComparison.Ordinal) && ApplicationIds.IsWellFormed(value[Prefix.Length..]);

    /// <summary>The durable instance id of the call's workflow.</summary>
    public static string WorkflowInstanceId(string callId) => $"call-{callId}";
}
