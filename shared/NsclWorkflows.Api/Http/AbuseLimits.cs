using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace NsclWorkflows.Api.Http;

/// <summary>Settings <c>Nscl:RateLimits:*</c>: how much one client address (and one contact e-mail) may do.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Nscl:RateLimits";

    /// <summary>Submissions (<c>POST /api/applications</c>) per client address per hour.</summary>
    public int SubmissionsPerHour { get; set; } = 10;

    /// <summary>Uploads of attachments per client address per hour.</summary>
    public int UploadsPerHour { get; set; } = 60;

    /// <summary>Requests carrying an enterprise access token (<c>X-Access-Token</c>) per client address per minute: stops token guessing.</summary>
    public int TokenRequestsPerMinute { get; set; } = 120;

    /// <summary>Submissions naming one contact e-mail (each sends a receipt there) in any 24 hours, counted in Table storage.</summary>
    public int SubmissionsPerEmailPerDay { get; set; } = 3;

    /// <summary>
    /// Where the client address comes from. 0: the connection's remote address (standalone host; behind a reverse proxy,
    /// list it in <c>Nscl:RateLimits:KnownProxies</c> so ASP.NET Core's forwarded-headers middleware puts the client there).
    /// n ≥ 1: the n-th entry from the right of <c>X-Forwarded-For</c>, the one the n-th proxy in front of the app
    /// appended (the Functions host defaults to 1: App Service's front end appends the address that connected to it;
    /// entries to its left are whatever the client sent, so they are never used).
    /// </summary>
    public int ForwardedForHops { get; set; }

}

/// <summary>
/// The abuse limits of both hosts, defined once: per client address a fixed window on submissions, on uploads and on
/// every request carrying an enterprise access token. The standalone host applies them through ASP.NET Core's
/// rate-limiting middleware (endpoint policies by name, the token limit as global limiter); the Functions host through
/// a worker middleware that asks the same limiters. A refused request is a 429 problem (<c>rate_limited</c>) with
/// <c>Retry-After</c> in seconds. Counters are per process (in memory): with several instances the real limit is the
/// setting times the instances, which is why Azure deployments should add a WAF rate-limit rule in front (README).
/// </summary>
public sealed class AbuseLimits : IDisposable
{
    public const string SubmissionsPolicy = "nscl-submissions";
    public const string UploadsPolicy = "nscl-uploads";

    /// <summary>The endpoint (Functions function) names each policy applies to; see <see cref="ApiRoutes.All"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> PolicyByEndpoint = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SubmitApplication"] = SubmissionsPolicy,
        ["UploadAttachment"] = UploadsPolicy,
    };

    readonly RateLimitOptions options;
    readonly Dictionary<string, PartitionedRateLimiter<HttpContext>> limiters;

    public AbuseLimits(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        limiters = new(StringComparer.Ordinal)
        {
            [SubmissionsPolicy] = PartitionedRateLimiter.Create<HttpContext, string>(Submissions),
            [UploadsPolicy] = PartitionedRateLimiter.Create<HttpContext, string>(Uploads),
        };
        TokenRequestLimiter = PartitionedRateLimiter.Create<HttpContext, string>(TokenRequests);
    }

    public RateLimitOptions Options => options;

    /// <summary>The limiter of requests carrying an access token (no limit for the others).</summary>
    public PartitionedRateLimiter<HttpContext> TokenRequestLimiter { get; }

    /// <summary>The limiter of a policy (<see cref="SubmissionsPolicy"/>, <see cref="UploadsPolicy"/>).</summary>
    public PartitionedRateLimiter<HttpContext> Limiter(string policy) => limiters[policy];

    public RateLimitPartition<string> Submissions(HttpContext context) =>
        PerAddress("submissions", context, options.SubmissionsPerHour, TimeSpan.FromHours(1));

    public RateLimitPartition<string> Uploads(HttpContext context) =>
        PerAddress("uploads", context, options.UploadsPerHour, TimeSpan.FromHours(1));

    public RateLimitPartition<string> TokenRequests(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CarriesToken(context.Request)
            ? PerAddress("tokens", context, options.TokenRequestsPerMinute, TimeSpan.FromMinutes(1))
            : RateLimitPartition.GetNoLimiter("no-token");
    }

    /// <summary>True when the request carries an enterprise access token (header, or the old query parameter).</summary>
    public static bool CarriesToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(Applications.GetApplicationHandler.AccessTokenHeader) || request.Query.ContainsKey("access");
    }

    /// <summary>
    /// The client's address as this deployment decides it (<see cref="RateLimitOptions.ForwardedForHops"/>); IPv6
    /// addresses are counted by their /64 network, which one subscriber usually holds whole.
    /// </summary>
    public string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IPAddress? address = context.Connection.RemoteIpAddress;
        if (options.ForwardedForHops > 0)
        {
            var entries = context.Request.Headers["X-Forwarded-For"].ToString()
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (entries.Length > 0 && ParseAddress(entries[Math.Max(0, entries.Length - options.ForwardedForHops)]) is { } forwarded)
            {
                address = forwarded;
            }
        }

        return Key(address);
    }

    /// <summary>Writes the 429 problem with <c>Retry-After</c> (whole seconds, at least 1).</summary>
    public static Task RejectAsync(HttpContext context, RateLimitLease lease, string? endpointName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var policy = endpointName is not null && PolicyByEndpoint.TryGetValue(endpointName, out var p) ? p : null;
        var what = policy switch
        {
            SubmissionsPolicy => "nộp quá nhiều hồ sơ",
            UploadsPolicy => "tải lên quá nhiều tệp",
            _ => "gửi quá nhiều yêu cầu",
        };
        return TooManyAsync(context, "rate_limited", $"Từ địa chỉ mạng của bạn đã {what} trong thời gian ngắn", retryAfter);
    }

    /// <summary>The 429 problem of every limit: <c>Retry-After</c> in seconds and the wait in the Vietnamese detail.</summary>
    public static Task TooManyAsync(HttpContext context, string code, string reason, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TooMany(code, reason, retryAfter).ExecuteAsync(context);
    }

    /// <summary>The same 429 as a result (for handlers).</summary>
    public static RetryAfterResult TooMany(string code, string reason, TimeSpan retryAfter)
    {
        var seconds = (long)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        var wait = seconds switch
        {
            < 120 => $"{seconds} giây",
            < 7200 => $"{(seconds + 59) / 60} phút",
            _ => $"{(seconds + 3599) / 3600} giờ",
        };
        return new RetryAfterResult(seconds, ApiProblem.Create(StatusCodes.Status429TooManyRequests, code, "Quá nhiều yêu cầu",
            $"{reason}; vui lòng thử lại sau {wait}."));
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }

        TokenRequestLimiter.Dispose();
    }

    RateLimitPartition<string> PerAddress(string name, HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter($"{name}|{ClientAddress(context)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    static IPAddress? ParseAddress(string entry)
    {
        // App Service writes "203.0.113.5:51234" and "[2001:db8::1]:51234"; others write the bare address.
        if (IPAddress.TryParse(entry, out var bare))
        {
            return bare;
        }

        return IPEndPoint.TryParse(entry, out var endPoint) ? endPoint.Address : null;
    }

    static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes).ToString() + "/64";
        }

        return address.ToString();
    }

    /// <summary>A result that adds <c>Retry-After</c> to another (a typed result: handlers declare it among theirs).</summary>
    public sealed class RetryAfterResult(long seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
