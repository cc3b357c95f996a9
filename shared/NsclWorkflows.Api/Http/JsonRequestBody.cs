using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Reads a JSON request body with the checks every write endpoint needs: content type, a size limit enforced
/// while reading (not trusted from Content-Length alone), well-formed JSON nested at most <see cref="MaxDepth"/> deep
/// (400 <c>invalid_json</c>), and text that is text: every string and property name must decode (a lone surrogate
/// escape such as <c>"\ud800"</c> cannot) and pass <see cref="TextSafety"/> (422 <c>validation_failed</c> with an
/// <c>invalid_characters</c> error naming the JSON path). So no reader behind it meets a string it cannot take.
/// </summary>
public static class JsonRequestBody
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDepth = 16;

    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, ApiProblem.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
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
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, InvalidJson("Nội dung phải là một đối tượng JSON ({ ... })."));
            }

            var errors = new List<FieldError>();
            CheckText(document.RootElement, string.Empty, errors);
            if (errors.Count > 0)
            {
                document.Dispose();
                return (null, ApiProblem.ValidationProblem(errors));
            }

            return (document, null);
        }
        catch (JsonException ex)
        {
            return (null, InvalidJson($"JSON không hợp lệ (dòng {(ex.LineNumber ?? 0) + 1}, vị trí {(ex.BytePositionInLine ?? 0) + 1})."));
        }
    }

    /// <summary>Every string value and property name under <paramref name="element"/>: decodable and safe text.</summary>
    static void CheckText(JsonElement element, string path, List<FieldError> errors)
    {
        const int MaxErrors = 20;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (errors.Count >= MaxErrors)
                    {
                        return;
                    }

                    if (!JsonText.TryGetName(property, out var name))
                    {
                        errors.Add(Broken(path.Length == 0 ? "(tên trường)" : path));
                        continue;
                    }

                    if (TextSafety.Find(name) is { IsHazard: true } nameFinding)
                    {
                        // Named without the offending character: the answer never echoes it.
                        var clean = TextSafety.Clean(name, multiLine: false);
                        errors.Add(TextSafety.Error(path.Length == 0 ? clean : $"{path}.{clean}", "Tên trường", nameFinding));
                        continue;
                    }

                    var child = path.Length == 0 ? name : $"{path}.{name}";

                    CheckText(property.Value, child, errors);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (errors.Count >= MaxErrors)
                    {
                        return;
                    }

                    CheckText(item, $"{path}[{i++}]", errors);
                }

                break;
            case JsonValueKind.String:
                if (!JsonText.TryGetString(element, out var text))
                {
                    errors.Add(Broken(path));
                }
                else if (TextSafety.Find(text) is { IsHazard: true } finding)
                {
                    errors.Add(TextSafety.Error(path, LabelOf(path), finding));
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The Vietnamese label of a known top-level field (submission, action or indicator value), else the JSON path.</summary>
    static string LabelOf(string path)
    {
        if (Domain.Applications.SubmissionFields.Label(path) is var submission && submission != path)
        {
            return submission;
        }

        if (Lifecycle.ActionPayloadReader.LabelOf(path) is var action && action != path)
        {
            return char.ToUpperInvariant(action[0]) + action[1..];
        }

        return Domain.Targets.IndicatorValueRules.Label(path) is var indicator && indicator != path ? indicator : $"Trường '{path}'";
    }

    static FieldError Broken(string path) =>
        new(path, ErrorCodes.InvalidCharacters,
            $"{LabelOf(path)} chứa {TextSafety.Describe(TextHazard.LoneSurrogate)}: chuỗi JSON không giải mã được thành văn bản; vui lòng gõ lại nội dung.");

    static ProblemHttpResult TooLarge() =>
        ApiProblem.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "Dữ liệu quá lớn",
            $"Nội dung gửi lên không được vượt quá {MaxBytes / 1024} KB.");

    static ProblemHttpResult InvalidJson(string detail) =>
        ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid_json", "Dữ liệu không đọc được", detail);
}
