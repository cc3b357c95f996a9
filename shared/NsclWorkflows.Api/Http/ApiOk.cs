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
public sealed class ApiOk<TValue> : ApiJsonResult<TValue>, IEndpointMetadataProvider
{
    internal ApiOk(TValue value)
        : base(value, StatusCodes.Status200OK)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status200OK);
}

/// <summary>A typed 201 with a JSON body, as <see cref="ApiOk{TValue}"/>.</summary>
public sealed class ApiCreated<TValue> : ApiJsonResult<TValue>, IEndpointMetadataProvider
{
    internal ApiCreated(TValue value)
        : base(value, StatusCodes.Status201Created)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status201Created);
}

/// <summary>A typed 202 with a JSON body (the request is taken; its effect follows), as <see cref="ApiOk{TValue}"/>.</summary>
public sealed class ApiAccepted<TValue> : ApiJsonResult<TValue>, IEndpointMetadataProvider
{
    internal ApiAccepted(TValue value)
        : base(value, StatusCodes.Status202Accepted)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status202Accepted);
}

/// <summary>A JSON body with a status, written with <see cref="ApiJson.Options"/>.</summary>
public abstract class ApiJsonResult<TValue> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TValue>, IContentTypeHttpResult
{
    private protected ApiJsonResult(TValue value, int statusCode)
    {
        Value = value;
        StatusCode = statusCode;
    }

    public TValue Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        return httpContext.Response.WriteAsJsonAsync(Value, ApiJson.Options, ContentType, httpContext.RequestAborted);
    }

    private protected static void Declare(EndpointBuilder builder, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, typeof(TValue), ["application/json"]));
    }
}

/// <summary>Creates the API's typed results.</summary>
public static class ApiResults
{
    /// <summary>200 with <paramref name="value"/> as JSON (<see cref="ApiJson.Options"/>).</summary>
    public static ApiOk<TValue> Ok<TValue>(TValue value) => new(value);

    /// <summary>201 with <paramref name="value"/> as JSON (<see cref="ApiJson.Options"/>).</summary>
    public static ApiCreated<TValue> Created<TValue>(TValue value) => new(value);

    /// <summary>202 with <paramref name="value"/> as JSON (<see cref="ApiJson.Options"/>).</summary>
    public static ApiAccepted<TValue> Accepted<TValue>(TValue value) => new(value);
}
