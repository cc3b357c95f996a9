using System.Globalization;
using Microsoft.AspNetCore.Http;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// Writes a stored document version as a download: its content type, its Vietnamese file name
/// (<see cref="ContentDisposition"/>), its length, the version and hash as headers, not cached by shared caches.
/// Disposes the content when written.
/// </summary>
public sealed class DocumentDownload(DocumentContent content) : IResult
{
    public const string VersionHeader = "X-Document-Version";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using (content)
        {
            var document = content.Document;
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = document.ContentType;
            response.ContentLength = document.Length;
            response.Headers.ContentDisposition = ContentDisposition.Attachment(document.FileName);
            response.Headers.CacheControl = "private, no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers[VersionHeader] = document.Version.ToString(CultureInfo.InvariantCulture);
            if (document.Sha256.Length > 0)
            {
                response.Headers.ETag = $"\"{document.Sha256}\"";
            }

            await content.Content.CopyToAsync(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
