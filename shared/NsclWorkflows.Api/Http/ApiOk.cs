using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// A typed 200 with a JSON body written with the API's settings (<see cref="ApiJson.Options"/>) whatever the host's
/// JSON options are; as the framework's <c>Ok&lt;T&gt;</c>, it declares its status and type on the endpoint (the OpenAPI
/// document's response schema). Handlers return it inside <c>Results&lt;ApiOk&lt;T&gt;, ProblemHttpResult&gt;</c>.
/// </summary>
public sealed class ApiOk<TValue> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TValue>, IContentTypeHttpResult
{
    internal ApiOk(TValue value) => Value = value;

    public TValue Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        return httpContext.Response.WriteAsJsonAsync(Value, ApiJson.Options, ContentType, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TValue), ["application/json"]));
    }
}

/// <summary>Creates the API's typed results.</summary>
public static class ApiResults
{
    /// <summary>200 with <paramref name="value"/> as JSON (<see cref="ApiJson.Options"/>).</summary>
    public static ApiOk<TValue> Ok<TValue>(TValue value) => new(value);
}
