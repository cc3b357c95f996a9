using System.Text.Json;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The national feed's JSON Schema (docs/schemas) keeps up with the domain: a task in any status validates.</summary>
public class NationalFeedSchemaTests
{
    [Fact]
    public void TaskStatus_SchemaEnum_ListsEveryApplicationStatus()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "docs", "schemas", "nscl-feed.v1.schema.json")));
        var listed = schema.RootElement.GetProperty("$defs").GetProperty("task").GetProperty("properties").GetProperty("status").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(Enum.GetNames<ApplicationStatus>().Order(StringComparer.Ordinal), listed);
    }
}
