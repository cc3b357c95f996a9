using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Documents;
using NsclWorkflows.Infrastructure.Exports;

namespace NsclWorkflows.Api.Reports.Exports;

/// <summary>
/// An export as a download: the rows are written one by one (<paramref name="fill"/>) into a temporary file that is
/// deleted when closed, then sent from it, so 100,000 rows never sit in memory and a storage failure half-way gives
/// a clean error instead of a truncated file. The xlsx writer is synchronous (OpenXmlWriter), which a response body
/// does not allow; a file is also what gives the download its Content-Length.
/// </summary>
public sealed class ExportResult(
    string fileNameWithoutExtension, string sheetName, ExportFormat format, IReadOnlyList<ExportColumn> columns,
    Func<ITableExportWriter, CancellationToken, Task> fill) : IResult
{
    public const string RowCountHeader = "X-Export-Rows";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var cancellationToken = httpContext.RequestAborted;
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "nscl-export-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 65_536, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        int rows;
        using (var writer = TableExportWriter.Create(format, file, sheetName, columns))
        {
            await fill(writer, cancellationToken).ConfigureAwait(false);
            writer.Complete();
            rows = writer.RowCount;
        }

        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = TableExportWriter.ContentType(format);
        response.ContentLength = file.Length;
        response.Headers.ContentDisposition = ContentDisposition.Attachment(fileNameWithoutExtension + TableExportWriter.Extension(format));
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers[RowCountHeader] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        file.Position = 0;
        await file.CopyToAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }
}
