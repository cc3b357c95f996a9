using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Reads a JSON request body with the checks every write endpoint needs: content type, a size limit enforced
/// while reading (not trusted from Content-Length alone), and well-formed JSON.
/// </summary>
public static class JsonRequestBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Định dạng dữ liệu không được hỗ trợ", "Nội dung gửi lên phải là JSON (Content-Type: application/json; charset=utf-8)."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, InvalidJson("Nội dung phải là một đối tượng JSON ({ ... })."));
            }

            return (document, null);
        }
        catch (JsonException ex)
        {
            return (null, InvalidJson($"JSON không hợp lệ (dòng {(ex.LineNumber ?? 0) + 1}, vị trí {(ex.BytePositionInLine ?? 0) + 1})."));
        }
    }

    static IResult TooLarge() =>
        ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "Dữ liệu quá lớn",
            $"Nội dung gửi lên không được vượt quá {MaxBytes / 1024} KB.");

    static IResult InvalidJson(string detail) =>
        ApiProblem.Create(StatusCodes.Status400BadRequest, "invalid_json", "Dữ liệu không đọc được", detail);
}
