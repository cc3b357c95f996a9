using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// <c>GET /api/applications/{id}/documents/{kind}[?version=N]</c>: the latest (or one) stored version of an application's
/// appraisal record, approval decision or evaluation minutes. Whoever may not read it gets the same 404 as for a
/// document that does not exist, so ids and kinds cannot be probed.
/// </summary>
public sealed class ApplicationDocumentHandler(IDocumentStore documents, IApplicationDocumentAccess access)
{
    public async Task<IResult> HandleAsync(HttpRequest request, string id, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApplicationIds.IsWellFormed(id) || !DocumentKinds.PerApplication.Contains(kind, StringComparer.Ordinal)
            || !await access.CanReadAsync(request, id, kind, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblem.NotFound("văn bản");
        }

        var content = await DocumentRequests.OpenAsync(documents, request, kind, id, cancellationToken).ConfigureAwait(false);
        return content is null ? ApiProblem.NotFound("văn bản") : new DocumentDownload(content);
    }
}

/// <summary>Reads the optional <c>?version=N</c> and opens that version, or the latest.</summary>
static class DocumentRequests
{
    public static Task<DocumentContent?> OpenAsync(IDocumentStore documents, HttpRequest request, string kind, string scope, CancellationToken cancellationToken)
    {
        var version = request.Query["version"].ToString();
        if (version.Length == 0)
        {
            return documents.OpenLatestAsync(kind, scope, cancellationToken);
        }

        return int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0
            ? documents.OpenAsync(kind, scope, number, cancellationToken)
            : Task.FromResult<DocumentContent?>(null);
    }
}
