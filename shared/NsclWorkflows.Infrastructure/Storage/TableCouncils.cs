using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Councils in Table storage (table <see cref="TableName"/>): one row per council in partition "council" (its unit in
/// column <c>Unit</c>), the council as JSON split over properties of at most 30,000 characters, replaced only with the
/// ETag it was read with (If-Match). Two members sending their sheets at once never overwrite each other: the loser
/// re-reads and its change is applied again to the newer council (and refused by the rules when it no longer fits,
/// e.g. after the secretary closed the session).
/// </summary>
public sealed class TableCouncils(TableClientFactory tables) : ICouncilRepository
{
    public const string TableName = "Councils";
    const int MaxAttempts = 20;

    readonly JsonDocumentTable<Council> rows = new(tables, TableName, "council", c => c.Id,
        c => new Dictionary<string, object> { ["Unit"] = c.Unit, ["State"] = c.State.ToString() });

    public Task<bool> TryAddAsync(Council council, CancellationToken cancellationToken) => rows.TryAddAsync(council, cancellationToken);

    public Task<Council?> FindAsync(string id, CancellationToken cancellationToken) => rows.FindAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Council>> ListAsync(string? unit, CancellationToken cancellationToken) =>
        [.. (await rows.ListAsync(unit is null ? null : "Unit", unit, cancellationToken)).OrderByDescending(c => c.CreatedAtUtc)];

    public Task<ValidationResult<Council>?> UpdateAsync(string id, Func<Council, ValidationResult<Council>> change, CancellationToken cancellationToken) =>
        rows.UpdateAsync(id, change, MaxAttempts, () => new CouncilContentionException($"Council {id} kept changing under {MaxAttempts} attempts."), cancellationToken);
}

/// <summary>A council kept changing under every attempt to write it (the API answers 409, never a 500).</summary>
public sealed class CouncilContentionException : Exception
{
    public CouncilContentionException()
    {
    }

    public CouncilContentionException(string message) : base(message)
    {
    }

    public CouncilContentionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
