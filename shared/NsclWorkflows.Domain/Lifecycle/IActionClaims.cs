namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// One decision per version of a file: before an action taken on version <c>v</c> is raised to the workflow, the API
/// claims <c>(application, v)</c> here, atomically. Of two people acting at once on the same version exactly one gets
/// the claim (and a 202); the other a 412 with the file's current state. A claim whose action never reached the
/// workflow (the host stopped between claim and raise) can be taken over after <see cref="Abandoned"/>, so a file is
/// never locked; the machine refuses the later of two actions raised on one version (<c>stale_version</c>, audited).
/// </summary>
public interface IActionClaims
{
    /// <summary>How long a claim holds while the file is still at its version.</summary>
    static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    /// <summary>True when this caller now holds version <paramref name="version"/> of the application; false when another does.</summary>
    Task<bool> TryClaimAsync(string applicationId, int version, DateTimeOffset now, CancellationToken cancellationToken);
}
