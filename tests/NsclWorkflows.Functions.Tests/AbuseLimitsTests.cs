using System.Collections.Immutable;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Functions.Http;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The shared abuse limits: who counts as one client, what is counted, and the Functions host's middleware.</summary>
public sealed class AbuseLimitsTests
{
    static AbuseLimits Limits(int hops = 0, int submissions = 10, int tokens = 120) =>
        new(Options.Create(new RateLimitOptions { ForwardedForHops = hops, SubmissionsPerHour = submissions, TokenRequestsPerMinute = tokens }));

    static DefaultHttpContext Request(string remote, string? forwardedFor = null, string? token = null)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        if (token is not null)
        {
            context.Request.Headers["X-Access-Token"] = token;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    [Theory]
    [InlineData(0, "10.0.0.1", "198.51.100.7, 203.0.113.5", "10.0.0.1")]             // standalone: the connection
    [InlineData(1, "10.0.0.1", "198.51.100.7, 203.0.113.5:51234", "203.0.113.5")]     // App Service appends ip:port
    [InlineData(2, "10.0.0.1", "198.51.100.7, 203.0.113.5, 147.243.1.1", "203.0.113.5")] // behind Front Door
    [InlineData(1, "10.0.0.1", null, "10.0.0.1")]                                      // no header: the connection
    [InlineData(1, "10.0.0.1", "not-an-address", "10.0.0.1")]
    [InlineData(1, "10.0.0.1", "[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64")]    // IPv6 by its /64
    [InlineData(0, "::ffff:192.0.2.1", null, "192.0.2.1")]
    public void ClientAddress_ByDeployment_IsTheAddressTheTrustedHopSaw(int hops, string remote, string? forwardedFor, string expected)
    {
        using var limits = Limits(hops);

        Assert.Equal(expected, limits.ClientAddress(Request(remote, forwardedFor)));
    }

    [Fact]
    public void PolicyByEndpoint_NamesEndpointsBothHostsExpose()
    {
        var names = NsclWorkflows.Api.ApiRoutes.All.Select(e => e.Name).ToHashSet();

        Assert.Equal(["SubmitApplication", "UploadAttachment"], AbuseLimits.PolicyByEndpoint.Keys.Order());
        Assert.All(AbuseLimits.PolicyByEndpoint.Keys, name => Assert.Contains(name, names));
    }

    [Fact]
    public void TokenLimiter_RequestsWithoutToken_AreNeverCounted()
    {
        using var limits = Limits(tokens: 2);
        for (var i = 0; i < 10; i++)
        {
            using var lease = limits.TokenRequestLimiter.AttemptAcquire(Request("192.0.2.1"));
            Assert.True(lease.IsAcquired);
        }

        using var first = limits.TokenRequestLimiter.AttemptAcquire(Request("192.0.2.1", token: "a"));
        using var second = limits.TokenRequestLimiter.AttemptAcquire(Request("192.0.2.1", token: "b"));
        using var third = limits.TokenRequestLimiter.AttemptAcquire(Request("192.0.2.1", token: "c"));
        using var otherAddress = limits.TokenRequestLimiter.AttemptAcquire(Request("192.0.2.2", token: "d"));

        Assert.Equal([true, true, false, true], new[] { first, second, third, otherAddress }.Select(l => l.IsAcquired));
    }

    [Fact]
    public async Task Middleware_SubmissionsOverTheLimit_Answer429WithRetryAfterAndDoNotRunTheFunction()
    {
        using var limits = Limits(hops: 1, submissions: 2);
        var middleware = new RateLimitMiddleware(limits);
        var ran = 0;
        var statuses = new List<(int Status, string? RetryAfter)>();
        for (var i = 0; i < 3; i++)
        {
            var http = Request("127.0.0.1", forwardedFor: "203.0.113.5:1234");
            await middleware.Invoke(new HttpFunctionContext("SubmitApplication", http), _ => { ran++; return Task.CompletedTask; });
            statuses.Add((http.Response.StatusCode, http.Response.Headers.RetryAfter.ToString()));
        }

        var otherFunction = Request("127.0.0.1", forwardedFor: "203.0.113.5:1234");
        await middleware.Invoke(new HttpFunctionContext("GetCatalogue", otherFunction), _ => { ran++; return Task.CompletedTask; });

        Assert.Equal(3, ran);
        Assert.Equal(429, statuses[2].Status);
        Assert.True(int.TryParse(statuses[2].RetryAfter, out var seconds) && seconds is > 0 and <= 3600, statuses[2].RetryAfter);
        Assert.Equal(200, otherFunction.Response.StatusCode);
    }

    /// <summary>An HTTP invocation as the ASP.NET Core integration presents it to middleware: its name and HttpContext.</summary>
    sealed class HttpFunctionContext(string name, HttpContext http) : FunctionContext
    {
        public override string InvocationId => "test-invocation";

        public override string FunctionId => name;

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = new ServiceCollection().BuildServiceProvider();

        public override FunctionDefinition FunctionDefinition { get; } = new Definition(name);

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }

    sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => string.Empty;

        public override string EntryPoint => name;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
