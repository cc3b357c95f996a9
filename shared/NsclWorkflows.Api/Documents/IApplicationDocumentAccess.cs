using Microsoft.AspNetCore.Http;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// Who may download an application's documents. The default (<see cref="ApplicationDocumentAccess"/>) follows the
/// issue's rules; the application layer may register its own (e.g. hiding a draft decision until it is signed).
/// </summary>
public interface IApplicationDocumentAccess
{
    /// <summary>The per-application kinds the caller may read; null when the caller may not see the application at all.</summary>
    Task<IReadOnlyList<string>?> ReadableKindsAsync(HttpRequest request, string applicationId, CancellationToken cancellationToken);

    async Task<bool> CanReadAsync(HttpRequest request, string applicationId, string kind, CancellationToken cancellationToken) =>
        await ReadableKindsAsync(request, applicationId, cancellationToken).ConfigureAwait(false) is { } kinds && kinds.Contains(kind, StringComparer.Ordinal);
}
