using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NsclWorkflows.LoadTest;

/// <summary>One kind's results. Latencies are of 2xx answers only; 429s are counted apart, other statuses in <see cref="Errors"/>.</summary>
public sealed record KindReport(
    string Kind,
    int Count,
    int Successes,
    int TooManyRequests,
    IReadOnlyDictionary<string, int> Errors,
    double PerSecond,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    double? P95OverHealth);

/// <summary>What a run measured, as printed and as written by --json.</summary>
public sealed record LoadTestReport(
    string BaseUrl,
    int Concurrency,
    double DurationSeconds,
    int MaxRequests,
    string Mix,
    double ElapsedSeconds,
    DateTimeOffset FinishedUtc,
    IReadOnlyList<KindReport> Kinds)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    internal static LoadTestReport From(LoadTestOptions options, TimeSpan elapsed, IReadOnlyDictionary<RequestKind, KindStats> stats)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var healthP95 = Percentile(stats[RequestKind.Health].Snapshot().Latencies, 0.95);
        // Kinds of the mix, and any other that was sent (a status read before any submission is a submission).
        var kinds = Enum.GetValues<RequestKind>().Where(kind => options.Mix.GetValueOrDefault(kind) > 0 || stats[kind].Count > 0).Select(kind =>
        {
            var s = stats[kind];
            var (latencies, errors) = s.Snapshot();
            var p95 = Percentile(latencies, 0.95);
            return new KindReport(Name(kind), s.Count, s.Successes, s.TooManyRequests, errors, s.Count / seconds,
                Percentile(latencies, 0.50), p95, Percentile(latencies, 0.99), p95 is { } p && healthP95 is > 0 ? p / healthP95 : null);
        }).ToList();
        var mix = string.Join(',', options.Mix.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{Name(p.Key)}={p.Value}")));
        return new LoadTestReport(options.BaseUrl.ToString(), options.Concurrency, options.Duration.TotalSeconds, options.MaxRequests, mix,
            seconds, DateTimeOffset.UtcNow, kinds);
    }

    public static string Name(RequestKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Nearest-rank percentile of sorted samples; null without samples.</summary>
    static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Load test against {BaseUrl}: {Concurrency} clients, {DurationSeconds:0.#} s (cap {MaxRequests} requests), mix {Mix}");
        text.AppendLine(c, $"Ran {ElapsedSeconds:0.0} s, finished {FinishedUtc:yyyy-MM-dd HH:mm:ss}Z. Latencies are of 2xx answers; 429s apart.");
        text.AppendLine(c, $"{"kind",-8} {"count",7} {"ok",7} {"429",5} {"req/s",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"p95/health",10}  errors");
        foreach (var k in Kinds)
        {
            var errors = k.Errors.Count == 0 ? "-" : string.Join(' ', k.Errors.Select(e => $"{e.Key}×{e.Value}"));
            text.AppendLine(c, $"{k.Kind,-8} {k.Count,7} {k.Successes,7} {k.TooManyRequests,5} {k.PerSecond,7:0.0} {Ms(k.P50Ms),8} {Ms(k.P95Ms),8} {Ms(k.P99Ms),8} {Ratio(k.P95OverHealth),10}  {errors}");
        }

        if (Kinds.Any(k => k.TooManyRequests > 0))
        {
            text.AppendLine("429s: the host's abuse limits refused requests; start it with raised Nscl__RateLimits__* (see README, \"Load test\").");
        }

        return text.ToString();

        string Ms(double? value) => value is { } v ? v.ToString("0.0", c) : "-";
        string Ratio(double? value) => value is { } v ? v.ToString("0.0", c) + "×" : "-";
    }
}
