using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace NsclWorkflows.Api.Http;

/// <summary>JSON settings of the HTTP API: camelCase, enums as names, Vietnamese letters written as they are.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Gives <paramref name="options"/> (web defaults) the API's settings: the hosts' framework JSON options get them
    /// too, so typed results, problem details and the OpenAPI document's schemas write what <see cref="Options"/> writes.
    /// </summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }

        return options;
    }
}
