using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Workflows.Tests.Reports;

/// <summary>An in-memory document store with the real one's rules: next version per (kind, scope), idempotent per source.</summary>
sealed class InMemoryDocumentStore : IDocumentStore
{
    readonly object gate = new();
    readonly List<(StoredDocument Info, byte[] Bytes)> documents = [];

    public IReadOnlyList<StoredDocument> All(string kind)
    {
        lock (gate)
        {
            return documents.Select(d => d.Info).Where(d => d.Kind == kind).ToList();
        }
    }

    public Task<StoredDocument> AddVersionAsync(NewDocument document, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var same = documents.Where(d => d.Info.Kind == document.Kind && d.Info.Scope == document.Scope).ToList();
            if (document.SourceId is { } source && same.FirstOrDefault(d => d.Info.SourceId == source) is { Info: not null } existing)
            {
                return Task.FromResult(existing.Info);
            }

            var stored = new StoredDocument(document.Kind, document.Scope, same.Count + 1, document.FileName, document.ContentType,
                document.Content.Length, document.CreatedBy, document.CreatedAtUtc, document.SourceId,
                Convert.ToHexStringLower(SHA256.HashData(document.Content.Span)));
            documents.Add((stored, document.Content.ToArray()));
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<StoredDocument>> ListVersionsAsync(string kind, string scope, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<StoredDocument>>(documents.Select(d => d.Info).Where(d => d.Kind == kind && d.Scope == scope).ToList());
        }
    }

    public async Task<DocumentContent?> OpenLatestAsync(string kind, string scope, CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(kind, scope, cancellationToken);
        return versions.Count == 0 ? null : await OpenAsync(kind, scope, versions[^1].Version, cancellationToken);
    }

    public Task<DocumentContent?> OpenAsync(string kind, string scope, int version, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var found = documents.FirstOrDefault(d => d.Info.Kind == kind && d.Info.Scope == scope && d.Info.Version == version);
            return Task.FromResult(found.Info is null ? null : new DocumentContent(found.Info, new MemoryStream(found.Bytes, writable: false)));
        }
    }
}

/// <summary>Records the data each document was built from; the "document" is a line of text. The Word builders are tested with OpenXmlValidator.</summary>
sealed class RecordingDocumentBuilder : IOfficialDocumentBuilder
{
    public ConcurrentQueue<YearEndReportData> YearEndReports { get; } = new();

    public ConcurrentQueue<object> ApplicationDocuments { get; } = new();

    /// <summary>Document kinds whose building throws, with the message (as OpenXml does on a character XML cannot hold).</summary>
    public ConcurrentDictionary<string, string> Failing { get; } = new();

    public byte[] BuildYearEndReport(YearEndReportData data)
    {
        YearEndReports.Enqueue(data);
        if (Failing.TryGetValue(DocumentKinds.YearEndReport, out var message))
        {
            throw new System.Xml.XmlException(message);
        }

        return Encoding.UTF8.GetBytes($"report {data.Year} {data.TotalRow.ApprovedTotalVnd}");
    }

    public byte[] BuildAppraisalRecord(AppraisalRecordData data) => Record(DocumentKinds.AppraisalRecord, data, $"appraisal {data.RecommendedAmountVnd}");

    public byte[] BuildApprovalDecision(ApprovalDecisionData data) => Record(DocumentKinds.ApprovalDecision, data, $"decision {data.AmountVnd} {data.BudgetYear}");

    public byte[] BuildEvaluationMinutes(EvaluationMinutesData data) => Record(DocumentKinds.EvaluationMinutes, data, $"minutes {data.Outcome} {data.AcceptedAmountVnd}");

    public byte[] BuildRecognitionDecision(RecognitionDecisionData data) => Record(DocumentKinds.RecognitionDecision, data, $"recognition {data.AcceptedAmountVnd}");

    byte[] Record(string kind, object data, string text)
    {
        if (Failing.TryGetValue(kind, out var message))
        {
            throw new System.Xml.XmlException(message);
        }

        ApplicationDocuments.Enqueue(data);
        return Encoding.UTF8.GetBytes(text);
    }
}

sealed class SeededLedger(params LedgerBalance[] balances) : IBudgetLedger
{
    public Task<IReadOnlyList<LedgerBalance>> GetBalancesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<LedgerBalance>>(balances);

    public Task<LedgerBalance> GetBalanceAsync(BudgetKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<LedgerResult> ApplyAsync(BudgetMovementRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<LedgerHolding> GetHoldingAsync(BudgetKey key, string applicationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(BudgetKey key, CancellationToken cancellationToken) => throw new NotSupportedException();
}

sealed class FixedProgress(ProgrammeProgress progress) : IProgrammeProgressSource
{
    public Task<ProgrammeProgress> GetProgressAsync(int year, DateOnly asOf, CancellationToken cancellationToken) => Task.FromResult(progress);
}

/// <summary>Indicator values in memory, seeded.</summary>
sealed class SeededIndicatorValues(params IndicatorValue[] values) : IIndicatorValueStore
{
    readonly List<IndicatorValue> values = [.. values];

    public Task AppendAsync(IndicatorValue value, CancellationToken cancellationToken)
    {
        lock (values)
        {
            values.Add(value);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IndicatorValue>> ListAsync(string targetId, CancellationToken cancellationToken)
    {
        lock (values)
        {
            return Task.FromResult<IReadOnlyList<IndicatorValue>>(values.Where(v => v.TargetId == targetId).ToList());
        }
    }

    public Task<IReadOnlyList<IndicatorValue>> AllAsync(CancellationToken cancellationToken)
    {
        lock (values)
        {
            return Task.FromResult<IReadOnlyList<IndicatorValue>>(values.ToList());
        }
    }
}

/// <summary>Records every request; answers with the configured failures.</summary>
sealed class RecordingNotifications : INotificationService
{
    public ConcurrentQueue<NotificationRequest> Sent { get; } = new();

    public IReadOnlyList<string> Failures { get; set; } = [];

    public Task<NotificationOutcome> SendAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        Sent.Enqueue(request);
        return Task.FromResult(new NotificationOutcome(Failures.Count == 0 ? 2 : 0, 0, Failures));
    }
}
