using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// Counts the storage requests of this process (each HTTP request the Azure SDK sends, retries included) by source
/// ("app" for the application's tables and blobs, "durable" for the durable backend's own clients), service, method and
/// resource (the table, queue or container, without keys or query); and logs each at Debug level (category
/// <c>NsclWorkflows.Infrastructure.Storage.StorageRequestCounter</c>) with its status and duration, which is how one
/// submission's storage calls are traced. For the cost model (docs/benchmarks.md) and tests; never on a hot lock.
/// </summary>
public sealed partial class StorageRequestCounter(ILogger<StorageRequestCounter>? logger = null)
{
    readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    readonly ILogger logger = logger ?? NullLogger<StorageRequestCounter>.Instance;

    /// <summary>The pipeline policy to add (per retry) to a storage client's options; <paramref name="source"/> and <paramref name="service"/> (table, blob, queue) label its requests.</summary>
    public HttpPipelinePolicy Policy(string source, string service) => new CountingPolicy(this, source, service);

    /// <summary>Requests so far, by "source service METHOD resource".</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(counts, StringComparer.Ordinal);

    /// <summary>Requests so far of one source.</summary>
    public long Total(string source) => counts.Where(c => c.Key.StartsWith(source + " ", StringComparison.Ordinal)).Sum(c => c.Value);

    internal static string Describe(string source, string service, Uri uri, string method)
    {
        // Azurite puts the account in the path (http://127.0.0.1:10002/devstoreaccount1/Table(...)); Azure in the host.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var skip = segments.Length > 0 && segments[0].StartsWith("devstoreaccount", StringComparison.Ordinal) ? 1 : 0;
        var resource = segments.Length > skip ? segments[skip] : "(account)";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            resource = resource[..paren]; // Table(PartitionKey='…',RowKey='…') → Table: no keys in counters or logs
        }

        return $"{source} {service} {method} {resource}";
    }

    void Count(string key) => counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Debug, Message = "Storage request {Request} → {Status} in {ElapsedMs:F1} ms")]
    static partial void LogRequest(ILogger logger, string request, int status, double elapsedMs);

    sealed class CountingPolicy(StorageRequestCounter counter, string source, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            var key = Describe(source, service, message.Request.Uri.ToUri(), message.Request.Method.Method);
            counter.Count(key);
            ProcessNext(message, pipeline);
            Done(key, message, started);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            var key = Describe(source, service, message.Request.Uri.ToUri(), message.Request.Method.Method);
            counter.Count(key);
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            Done(key, message, started);
        }

        void Done(string key, HttpMessage message, long started)
        {
            if (counter.logger.IsEnabled(LogLevel.Debug))
            {
                var status = message.HasResponse ? message.Response.Status : 0;
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogRequest(counter.logger, key, status, elapsed);
            }
        }
    }
}
