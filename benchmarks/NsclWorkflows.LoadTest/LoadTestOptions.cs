using System.Globalization;
using System.Net;

namespace NsclWorkflows.LoadTest;

/// <summary>The kinds of request the harness sends.</summary>
public enum RequestKind
{
    Submit,
    Status,
    Inbox,

    /// <summary>An inbox search (<c>GET /api/inbox?q=</c>) for one of the names <c>seed-open-tasks</c> writes.</summary>
    Search,

    /// <summary>The dashboard's progress towards the targets (<c>GET /api/targets?year=</c>, this year, as the page asks).</summary>
    Targets,

    /// <summary>The dashboard's budget (<c>GET /api/budget?year=</c>, this year, as the page asks).</summary>
    Budget,
    Action,
    Health,
}

/// <summary>What one run does: where, how hard, for how long, and in which mix.</summary>
public sealed record LoadTestOptions(
    Uri BaseUrl,
    int Concurrency,
    TimeSpan Duration,
    int MaxRequests,
    IReadOnlyDictionary<RequestKind, int> Mix,
    string? JsonFile,
    TimeSpan SettleFor = default)
{
    public const string DefaultBaseUrl = "http://127.0.0.1:7071";

    /// <summary>Submissions, status reads, inbox pages, officer actions and health, weighted.</summary>
    public const string DefaultMix = "submit=3,status=3,inbox=2,action=1,health=1";

    public const string Usage = """
        Usage: load-test [options]
          --base-url URL      host to load (default http://127.0.0.1:7071); loopback only
          --concurrency N     concurrent clients (default 20)
          --duration SECONDS  how long to send (default 60)
          --max-requests N    hard cap on requests sent (default 20000); stops at whichever comes first
          --mix LIST          weights per kind (default submit=3,status=3,inbox=2,action=1,health=1)
                              kinds: submit, status, inbox, search, targets, budget, action, health (health always runs,
                              weight >= 1; search looks for "hoa khanh {n}", the names seed-open-tasks writes)
          --json FILE         also write the report as JSON
          --smoke             a short run for CI: 3 s, concurrency 2, at most 500 requests; then up to 30 s more
                              until every kind in the mix has had one 2xx answer (a slow machine still reports all)
        """;

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with a clear message on bad input.</summary>
    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var baseUrl = DefaultBaseUrl;
        int concurrency = 20, maxRequests = 20_000;
        double durationSeconds = 60;
        var mix = DefaultMix;
        string? json = null;
        bool smoke = false;
        int? explicitConcurrency = null, explicitMax = null;
        double? explicitDuration = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--base-url": baseUrl = Value(); break;
                case "--concurrency": explicitConcurrency = PositiveInt(args[i], Value()); break;
                case "--duration": explicitDuration = PositiveDouble(args[i], Value()); break;
                case "--max-requests": explicitMax = PositiveInt(args[i], Value()); break;
                case "--mix": mix = Value(); break;
                case "--json": json = Value(); break;
                case "--smoke": smoke = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (smoke)
        {
            (concurrency, durationSeconds, maxRequests) = (2, 3, 500);
        }

        concurrency = explicitConcurrency ?? concurrency;
        durationSeconds = explicitDuration ?? durationSeconds;
        maxRequests = explicitMax ?? maxRequests;
        return new LoadTestOptions(LoopbackOnly(baseUrl), concurrency, TimeSpan.FromSeconds(durationSeconds), maxRequests, ParseMix(mix), json,
            smoke ? TimeSpan.FromSeconds(30) : TimeSpan.Zero);
    }

    /// <summary>The base URL if its host is loopback (127.0.0.0/8, localhost, [::1]); this workplace forbids traffic elsewhere.</summary>
    public static Uri LoopbackOnly(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--base-url {baseUrl} is not an http(s) URL.");
        }

        var host = uri.IdnHost;
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new ArgumentException(
                $"Refusing --base-url {baseUrl}: its host '{uri.Host}' is not loopback (127.0.0.0/8, localhost, [::1]). " +
                "The load test only runs against a host on this machine; this workplace forbids load traffic elsewhere.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority));
    }

    static Dictionary<RequestKind, int> ParseMix(string text)
    {
        var mix = Enum.GetValues<RequestKind>().ToDictionary(k => k, _ => 0);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || !Enum.TryParse<RequestKind>(pieces[0], ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
                || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                throw new ArgumentException($"--mix: '{part}' is not kind=weight (kinds: submit, status, inbox, search, targets, budget, action, health).");
            }

            mix[kind] = weight;
        }

        // Health is the yardstick every other p95 is divided by: it always runs in the same run.
        mix[RequestKind.Health] = Math.Max(1, mix[RequestKind.Health]);
        return mix;
    }

    static int PositiveInt(string option, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value : throw new ArgumentException($"{option} {text}: expected a positive whole number.");

    static double PositiveDouble(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value : throw new ArgumentException($"{option} {text}: expected a positive number of seconds.");
}
