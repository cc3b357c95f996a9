namespace NsclWorkflows.Functions.Tests.Fakes;

/// <summary>A clock stopped at one instant.</summary>
sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
