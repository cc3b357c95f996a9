using System.Net;
using System.Text.Json;
using NsclWorkflows.Api;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// The OpenAPI document the standalone host serves (<c>GET /openapi/v1.json</c>): the committed copy
/// (<c>docs/openapi.json</c>) is current, and every endpoint of <see cref="ApiRoutes.All"/> is in it.
/// </summary>
public sealed class OpenApiDocumentTests : IClassFixture<StandaloneHost>
{
    /// <summary>Set by <c>scripts/openapi.sh</c>: the drift test writes the served document instead of comparing.</summary>
    public const string WriteVariable = "NSCL_WRITE_OPENAPI";

    const string Regenerate = "./scripts/openapi.sh";

    readonly StandaloneHost host;

    public OpenApiDocumentTests(StandaloneHost host) => this.host = host;

    [Fact]
    public async Task ServedDocument_ComparedWithCommittedFile_IsTheSame()
    {
        var served = await ServedAsync();
        var committedPath = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
        }

        Assert.True(File.Exists(committedPath), $"docs/openapi.json is missing: run {Regenerate}");
        var committed = (await File.ReadAllTextAsync(committedPath)).ReplaceLineEndings("\n");
        Assert.True(committed == served, $"docs/openapi.json differs from the document the host serves: run {Regenerate} and commit the file.");
    }

    [Fact]
    public async Task ServedDocument_EveryApiRoute_HasItsOperation()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        var paths = document.RootElement.GetProperty("paths");

        var missing = ApiRoutes.All
            .Where(e => !paths.TryGetProperty($"/{ApiRoutes.Prefix}/{e.Route}", out var path)
                || !path.TryGetProperty(e.Method.ToLowerInvariant(), out _))
            .Select(e => $"{e.Method} /{ApiRoutes.Prefix}/{e.Route} ({e.Name})")
            .ToList();

        Assert.NotEmpty(paths.EnumerateObject());
        Assert.Empty(missing);
    }

    [Fact]
    public async Task ServedDocument_EveryOperation_IsAnApiRouteNamedAsTheFunction()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        var expected = ApiRoutes.All.Select(e => $"{e.Method.ToLowerInvariant()} /{ApiRoutes.Prefix}/{e.Route} {e.Name}").Order(StringComparer.Ordinal);

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("operationId", out _))
                .Select(op => $"{op.Name} {path.Name} {op.Value.GetProperty("operationId").GetString()}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, operations);
    }

    [Fact]
    public async Task ServedDocument_ProblemsAndSecurity_AreDescribed()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        var root = document.RootElement;
        var problem = root.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        var inbox = root.GetProperty("paths").GetProperty("/api/inbox").GetProperty("get");
        var submit = root.GetProperty("paths").GetProperty("/api/applications").GetProperty("post");

        Assert.True(problem.TryGetProperty("code", out _));
        Assert.True(problem.TryGetProperty("errors", out _));
        Assert.Equal("X-Access-Token", schemes.GetProperty("enterpriseAccessToken").GetProperty("name").GetString());
        Assert.Contains(inbox.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("officerSignIn", out _));
        Assert.True(inbox.GetProperty("responses").TryGetProperty("401", out _));
        Assert.False(submit.TryGetProperty("security", out _)); // anyone may submit
        Assert.Equal("#/components/schemas/SubmissionDraft",
            submit.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(submit.GetProperty("responses").TryGetProperty("422", out _));
    }

    [Fact]
    public void AllocationBody_Members_AreTheFieldsTheHandlerReads()
    {
        var members = typeof(NsclWorkflows.Api.Budget.AllocationBody).GetProperties()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal);

        Assert.Equal(NsclWorkflows.Api.Budget.AllocationsHandler.Known.Order(StringComparer.Ordinal), members);
    }

    [Fact]
    public async Task OpenApiPath_Post_IsNotServed()
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri("/openapi/v1.json", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    async Task<string> ServedAsync()
    {
        using var client = host.CreateClient(); // no credentials: the document is anonymous
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NsclWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NsclWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}
