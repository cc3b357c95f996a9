using System.Text.Json;
using System.Text.Json.Serialization;

namespace NsclWorkflows.Workflows.Reports;

/// <summary>How the gathered report data is stored (the snapshot beside each report): camelCase, enums by name.</summary>
public static class YearEndReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
