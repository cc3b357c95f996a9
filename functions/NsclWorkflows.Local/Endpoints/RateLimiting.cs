using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Http;

namespace NsclWorkflows.Local.Endpoints;

/// <summary>
/// The shared <see cref="AbuseLimits"/> through ASP.NET Core's rate-limiting middleware: the submission and upload
/// policies on their endpoints (<see cref="ApiEndpoints"/>), the token limit as the global limiter. The client is the
/// connection's remote address; only when an operator lists reverse proxies in <c>Nscl:RateLimits:KnownProxies</c>
/// does the forwarded-headers middleware replace it with the address those proxies put in <c>X-Forwarded-For</c>.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddNsclRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section))
            .Validate(o => o.KnownProxies.All(p => p.Trim().Length == 0 || IPAddress.TryParse(p.Trim(), out _)),
                $"Setting {ProxyOptions.Section}:KnownProxies must list IP addresses.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<AbuseLimits>((o, limits) =>
        {
            o.GlobalLimiter = limits.TokenRequestLimiter;
            o.AddPolicy(AbuseLimits.SubmissionsPolicy, limits.Submissions);
            o.AddPolicy(AbuseLimits.UploadsPolicy, limits.Uploads);
            o.OnRejected = (context, _) => new ValueTask(AbuseLimits.RejectAsync(
                context.HttpContext, context.Lease, context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName));
        });
        return services;
    }

    public static WebApplication UseNsclRateLimiting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.KnownProxies.Where(p => p.Trim().Length > 0).ToList();
        if (proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseRateLimiter();
        return app;
    }

    /// <summary>The endpoint's policy, when <see cref="AbuseLimits.PolicyByEndpoint"/> names one.</summary>
    public static RouteHandlerBuilder WithAbuseLimit(this RouteHandlerBuilder endpoint, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return AbuseLimits.PolicyByEndpoint.TryGetValue(endpointName, out var policy) ? endpoint.RequireRateLimiting(policy) : endpoint;
    }
}

/// <summary>Standalone host only (<c>Nscl:RateLimits:KnownProxies</c>): reverse proxies whose <c>X-Forwarded-For</c> names the client.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Nscl:RateLimits";

    public string[] KnownProxies { get; set; } = [];
}
