using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Councils;

/// <summary>Where councils are kept: each council whole, changed under optimistic concurrency (no lost sheet).</summary>
public interface ICouncilRepository
{
    /// <summary>Stores a new council; false when one with its id exists already (nothing changed).</summary>
    Task<bool> TryAddAsync(Council council, CancellationToken cancellationToken);

    Task<Council?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The councils of a unit (null: every unit), newest first.</summary>
    Task<IReadOnlyList<Council>> ListAsync(string? unit, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored council and stores the result if it is valid; on a concurrent write
    /// the change is applied again to the newer council. Null when there is no such council; the change's errors when it refuses.
    /// </summary>
    Task<ValidationResult<Council>?> UpdateAsync(string id, Func<Council, ValidationResult<Council>> change, CancellationToken cancellationToken);

    /// <summary>
    /// Claims each file of a council being founded for its purpose, before the council is stored, so two leaders founding
    /// councils for one file at the same moment cannot both succeed. A claim holds while its council is open and holds the
    /// file for that purpose, and, before that council is stored, for <see cref="CouncilRules.FoundingWindow"/>. Null when
    /// every file is claimed; else the first file another council holds and that council's id (the claims made are released).
    /// </summary>
    Task<(string ApplicationId, string CouncilId)?> TryClaimFilesAsync(Council council, DateTimeOffset nowUtc, CancellationToken cancellationToken);
}

/// <summary>
/// Council members' secret links to their page: the token is derived from a server key, the council, the member and the
/// member's random link nonce (so the council's workflow e-mails the link without the token being stored, and a new
/// nonce revokes it); only its hash is kept on the member.
/// </summary>
public interface ICouncilLinks
{
    string Token(string councilId, string memberId, string nonce);

    /// <summary>The member's page, the token in the fragment: <c>/hoi-dong/phieu.html#council=…&amp;member=…&amp;access=…</c>.</summary>
    string MemberPage(string councilId, string memberId, string nonce);
}
