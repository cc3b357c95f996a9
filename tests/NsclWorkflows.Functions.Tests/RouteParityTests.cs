using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Api;
using NsclWorkflows.Local.Endpoints;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The Functions app and the standalone host expose the same HTTP API: same methods, routes and names.</summary>
public sealed class RouteParityTests
{
    [Fact]
    public async Task HttpFunctions_ComparedWithStandaloneHost_AreTheSameEndpoints()
    {
        var functions = FunctionsHttpEndpoints();
        var local = await StandaloneHostEndpointsAsync();

        Assert.NotEmpty(local);
        Assert.Equal(local.Order(), functions.Order());
    }

    [Fact]
    public void HttpFunctions_ComparedWithApiRoutesAll_AreTheSameEndpoints()
    {
        var expected = ApiRoutes.All.Select(e => $"{e.Method.ToUpperInvariant()} {ApiRoutes.Prefix}/{e.Route} ({e.Name})");

        Assert.Equal(expected.Order(), FunctionsHttpEndpoints().Order());
    }

    [Fact]
    public void HostJson_RoutePrefix_IsApi()
    {
        Assert.Equal(ApiRoutes.Prefix, FunctionsMetadata.Load().RoutePrefix);
    }

    /// <summary>"METHOD prefix/route (Name)" for every HTTP-triggered function, one entry per method.</summary>
    static List<string> FunctionsHttpEndpoints()
    {
        var metadata = FunctionsMetadata.Load();
        return metadata.Functions
            .Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} {metadata.RoutePrefix}/{f.Route} ({f.Name})"))
            .ToList();
    }

    /// <summary>The same, read from the standalone host's route table (its real MapNsclApi, built in process, not started).</summary>
    static async Task<List<string>> StandaloneHostEndpointsAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddNsclApplication(TestComposition.Configuration());
        // Only registered so the route table can tell services from body parameters; never resolved here.
        builder.Services.AddSingleton<DurableTaskClient>(_ => throw new NotSupportedException());
        await using var app = builder.Build();
        app.MapNsclApi();

        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
                var route = endpoint.RoutePattern.RawText!.TrimStart('/');
                return methods.Select(m => $"{m.ToUpperInvariant()} {route} ({name})");
            })
            .ToList();
    }
}
