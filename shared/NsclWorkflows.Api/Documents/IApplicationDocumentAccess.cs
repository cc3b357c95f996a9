using Microsoft.AspNetCore.Http;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// Who may download an application's documents. The default (<see cref="ApplicationDocumentAccess"/>) follows the
/// issue's rules; the application layer may register its own (e.g. hiding a draft decision until it is signed).
/// </summary>
public interface IApplicationDocumentAccess
{
    Task<bool> CanReadAsync(HttpRequest request, string applicationId, string kind, CancellationToken cancellationToken);
}
