using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// <c>GET /api/applications/{id}/documents</c>: the documents issued for an application that the caller may read (the
/// latest version of each, with how many there are). <c>GET /api/applications/{id}/documents/{kind}[?version=N]</c>: the latest (or one) stored version of an application's
/// appraisal record, approval decision or evaluation minutes. Whoever may not read it gets the same 404 as for a
/// document that does not exist, so ids and kinds cannot be probed.
/// </summary>
public sealed class ApplicationDocumentHandler(IDocumentStore documents, IApplicationDocumentAccess access)
{
    public async Task<Results<ApiOk<ApplicationDocumentsView>, ProblemHttpResult>> ListAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApplicationIds.IsWellFormed(id) || await access.ReadableKindsAsync(request, id, cancellationToken).ConfigureAwait(false) is not { } kinds)
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        var items = new List<ApplicationDocumentItem>();
        foreach (var kind in kinds)
        {
            var versions = await documents.ListVersionsAsync(kind, id, cancellationToken).ConfigureAwait(false);
            if (versions.Count > 0 && versions[^1] is var latest)
            {
                items.Add(new ApplicationDocumentItem(kind, DocumentTitles.Vietnamese(kind), latest.FileName, latest.Version, versions.Count, latest.Length,
                    latest.CreatedAtUtc, $"/{ApiRoutes.Prefix}/applications/{id}/documents/{kind}") { ContentType = latest.ContentType });
            }
        }

        return ApiResults.Ok(new ApplicationDocumentsView(id, items));
    }

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

/// <summary>The documents issued for an application that the caller may read.</summary>
public sealed record ApplicationDocumentsView(string ApplicationId, IReadOnlyList<ApplicationDocumentItem> Items);

/// <summary>One issued document in the list: the latest version, and where to download it.</summary>
public sealed record ApplicationDocumentItem(
    string Kind, string Title, string FileName, int Version, int Versions, long SizeBytes, DateTimeOffset CreatedAtUtc, string Url)
{
    /// <summary>The stored type: Word for the documents the system drafts, PDF for a signed decision.</summary>
    public string? ContentType { get; init; }
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
