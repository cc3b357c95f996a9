using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using NsclWorkflows.Functions.Http;
using NsclWorkflows.Functions.Tests.Fakes;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// Error bodies through the framework's problem details: the two hosts write the same 500, and the errors the
/// framework makes itself (unknown route, wrong method) carry the API's stable code and Vietnamese texts.
/// </summary>
public sealed class ProblemDetailsTests : IClassFixture<StandaloneHost>
{
    readonly StandaloneHost host;

    public ProblemDetailsTests(StandaloneHost host) => this.host = host;

    [Fact]
    public async Task UnhandledException_OnEitherHost_IsTheSameInternalErrorProblemWithoutTheException()
    {
        using var client = host.CreateClient();
        using var local = await client.GetAsync(new Uri(StandaloneHost.ThrowPath, UriKind.Relative));
        var localBody = await local.Content.ReadAsStringAsync();

        var functionsBody = await FunctionsHostFailureAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, local.StatusCode);
        Assert.Equal("application/problem+json", local.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret-stack-detail", localBody, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-stack-detail", functionsBody, StringComparison.Ordinal);
        Assert.Equal("internal_error", Code(localBody));
        Assert.Equal(Normalise(functionsBody), Normalise(localBody));
    }

    [Fact]
    public async Task UnknownApiRoute_OnStandaloneHost_IsNotFoundProblemWithCode()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", Code(body));
        Assert.Equal("Không tìm thấy", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.Equal(404, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WrongMethod_OnStandaloneHost_IsMethodNotAllowedProblemWithCode()
    {
        using var client = host.CreateClient();
        using var response = await client.DeleteAsync(new Uri("/api/catalogue", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("method_not_allowed", Code(body));
    }

    [Fact]
    public async Task HandlerProblem_ThroughTheFramework_KeepsTheApiMembersAndNoTraceId()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/budget", UriKind.Relative)); // no officer: 401 from the handler's rules
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", root.GetProperty("code").GetString());
        Assert.Equal("Chưa đăng nhập", root.GetProperty("title").GetString());
        Assert.Equal(401, root.GetProperty("status").GetInt32());
        Assert.False(root.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task FrameworkProblem_StaticPageOutsideApi_IsNotTurnedIntoAProblem()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/no-such-page.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The Functions app's HttpProblemMiddleware around a function that throws, on the shared composition.</summary>
    static async Task<string> FunctionsHostFailureAsync()
    {
        await using var services = TestComposition.Services();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var context = new FakeFunctionContext(services) { Definition = new FakeFunctionDefinition("GetCatalogue") };
        context.Items["HttpRequestContext"] = http;

        await new HttpProblemMiddleware(NullLogger<HttpProblemMiddleware>.Instance)
            .Invoke(context, _ => throw new InvalidOperationException("secret-stack-detail"));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        return System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
    }

    static string? Code(string body) => JsonDocument.Parse(body).RootElement.GetProperty("code").GetString();

    /// <summary>The body's members, sorted, so the comparison is of content, not of member order.</summary>
    static string Normalise(string body) =>
        string.Join('\n', JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetRawText()}").Order(StringComparer.Ordinal));
}
