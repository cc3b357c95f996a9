using System.Collections.Concurrent;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Workflows.Tests.Lifecycle;

/// <summary>Records every notification asked for; can refuse chosen events permanently. The real sender is tested against the SendGrid capture endpoint.</summary>
sealed class RecordingNotifications : INotificationService
{
    public ConcurrentQueue<NotificationRequest> Sent { get; } = new();

    public HashSet<NotificationEvent> Refuse { get; } = [];

    /// <summary>Events whose send fails as the provider's 503 would (transient: retried by the e-mail policy), every time.</summary>
    public HashSet<NotificationEvent> Unavailable { get; } = [];

    /// <summary>Every call, whatever came of it (sent, refused, unavailable).</summary>
    public ConcurrentQueue<NotificationRequest> Attempts { get; } = new();

    readonly Lock gate = new();
    readonly List<(Func<NotificationRequest, bool> Match, TaskCompletionSource Done)> waiters = [];

    /// <summary>Completes when a notification matching <paramref name="match"/> has been sent (checked on every send, no polling).</summary>
    public async Task WaitForAsync(Func<NotificationRequest, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (Sent.Any(match))
            {
                return;
            }

            waiters.Add((match, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("Expected notification not sent; sent: " + string.Join(", ", Sent.Select(n => $"{n.Event}/{n.Audience}/{n.Occurrence}")));
        }
    }

    /// <summary>Requests that break the event's contract (<see cref="NotificationFacts.For"/>): wrong audience, missing or unknown facts.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    public Task<NotificationOutcome> SendAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        var contract = NotificationFacts.For(request.Event);
        var missing = contract.Required.Where(f => !request.Facts.ContainsKey(f)).ToList();
        var unknown = request.Facts.Keys.Where(f => !contract.Required.Contains(f) && !contract.OptionalFacts.Contains(f)).ToList();
        if (contract.Audience != request.Audience || missing.Count > 0 || unknown.Count > 0)
        {
            Violations.Enqueue($"{request.Event} to {request.Audience} (written for {contract.Audience}): missing [{string.Join(", ", missing)}], unknown [{string.Join(", ", unknown)}]");
        }

        Attempts.Enqueue(request);
        if (Unavailable.Contains(request.Event))
        {
            throw new TransientNotificationException("503 Service Unavailable");
        }

        if (Refuse.Contains(request.Event))
        {
            return Task.FromResult(new NotificationOutcome(0, 0, ["400 Bad Request: invalid address"]));
        }

        lock (gate)
        {
            Sent.Enqueue(request);
            foreach (var waiter in waiters.Where(w => w.Match(request)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        return Task.FromResult(new NotificationOutcome(1, 0, []));
    }

    public IReadOnlyList<NotificationRequest> For(string applicationId) => Sent.Where(n => n.ApplicationId == applicationId).ToList();
}

/// <summary>Inbox in memory (open tasks and the document-failure flag). The Table inbox is tested on Azurite.</summary>
sealed class InMemoryInbox : IInbox
{
    readonly ConcurrentDictionary<string, IReadOnlyList<OpenTask>> tasks = new();
    readonly ConcurrentDictionary<string, int> documentFailures = new();
    readonly ConcurrentDictionary<string, int> notificationFailures = new();

    /// <summary>The notification-failure count the application's inbox rows carry after the last sync.</summary>
    public int NotificationFlag(string applicationId) => notificationFailures.GetValueOrDefault(applicationId);
    readonly Lock gate = new();
    readonly List<(string Id, Func<IReadOnlyList<OpenTask>, bool> Match, TaskCompletionSource Done)> waiters = [];
    readonly List<(string Id, Func<int, bool> Match, TaskCompletionSource Done)> flagWaiters = [];

    /// <summary>Applications whose sync fails (a defect, not retried).</summary>
    public ConcurrentBag<string> Failing { get; } = [];

    public Task SyncAsync(Application application, CancellationToken cancellationToken)
    {
        if (Failing.Contains(application.Id))
        {
            throw new InvalidOperationException("Inbox row rejected.");
        }

        var open = application.Lifecycle.OpenTasks.ToList();
        var failures = application.Lifecycle.DocumentFailures.Count;
        lock (gate)
        {
            notificationFailures[application.Id] = application.Lifecycle.NotificationFailures.Count;
            tasks[application.Id] = open;
            documentFailures[application.Id] = failures;
            foreach (var waiter in waiters.Where(w => w.Id == application.Id && w.Match(open)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }

            foreach (var waiter in flagWaiters.Where(w => w.Id == application.Id && w.Match(failures)).ToList())
            {
                flagWaiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes when the application's inbox rows carry a document-failure count that satisfies <paramref name="match"/>.</summary>
    public async Task WaitForFlagAsync(string applicationId, Func<int, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (documentFailures.TryGetValue(applicationId, out var now) && match(now))
            {
                return;
            }

            flagWaiters.Add((applicationId, match, done));
        }

        await done.Task.WaitAsync(timeout);
    }

    /// <summary>Completes when the application's open tasks satisfy <paramref name="match"/> after a sync.</summary>
    public async Task WaitForAsync(string applicationId, Func<IReadOnlyList<OpenTask>, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (match(Of(applicationId)))
            {
                return;
            }

            waiters.Add((applicationId, match, done));
        }

        await done.Task.WaitAsync(timeout);
    }

    public Task<IReadOnlyList<InboxItem>> ListAsync(IReadOnlyCollection<string> units, IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public IReadOnlyList<OpenTask> Of(string applicationId) => tasks.GetValueOrDefault(applicationId) ?? [];
}

/// <summary>The decision register in memory, with the real one's rules (numbers per year without gaps, one per application). The Table register is tested on Azurite.</summary>
sealed class InMemoryDecisionRegister : Domain.Decisions.IDecisionRegister
{
    readonly Lock gate = new();
    readonly List<Domain.Decisions.RegisteredDecision> entries = [];

    public Task<Domain.Decisions.RegisteredDecision> RegisterAsync(Domain.Decisions.DecisionRegistration registration, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var index = entries.FindIndex(e => e.Year == registration.Year && e.Kind == registration.Kind && e.ApplicationId == registration.ApplicationId);
            var number = index >= 0 ? entries[index].Number : entries.Count(e => e.Year == registration.Year) + 1;
            var entry = new Domain.Decisions.RegisteredDecision(registration.Year, number, registration.Symbol, registration.ApplicationId, registration.TrackingCode,
                registration.Unit, registration.Kind, registration.SignedOn, registration.SignerName, registration.SignerTitle, registration.RecordedBy, registration.AtUtc);
            if (index >= 0)
            {
                entries[index] = entry;
            }
            else
            {
                entries.Add(entry);
            }

            return Task.FromResult(entry);
        }
    }

    public Task<IReadOnlyList<Domain.Decisions.RegisteredDecision>> ListAsync(int year, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Domain.Decisions.RegisteredDecision>>([.. entries.Where(e => e.Year == year).OrderBy(e => e.Number)]);
        }
    }
}

/// <summary>Attachments in memory (the Blob store is tested on Azurite).</summary>
sealed class InMemoryAttachmentStore : Domain.Attachments.IAttachmentStore
{
    readonly ConcurrentDictionary<(string Id, string Name), (byte[] Content, Domain.Attachments.StoredAttachment Info)> files = new();

    /// <summary>A minimal PDF (by its magic bytes).</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n% quyết định đã ký\n%%EOF\n"u8.ToArray();

    public Task<Domain.Attachments.AttachmentAddOutcome> AddAsync(string applicationId, string name, string contentType, ReadOnlyMemory<byte> content, string uploadedBy,
        int limit, CancellationToken cancellationToken)
    {
        var added = files.TryAdd((applicationId, name), (content.ToArray(),
            new Domain.Attachments.StoredAttachment(name, contentType, content.Length, DateTimeOffset.UtcNow, uploadedBy)));
        return Task.FromResult(added ? Domain.Attachments.AttachmentAddOutcome.Added : Domain.Attachments.AttachmentAddOutcome.NameTaken);
    }

    public Task<IReadOnlyList<Domain.Attachments.StoredAttachment>> ListAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Domain.Attachments.StoredAttachment>>([.. files.Where(f => f.Key.Id == applicationId).Select(f => f.Value.Info)]);

    public Task<(Stream Content, string ContentType)?> OpenAsync(string applicationId, string name, CancellationToken cancellationToken) =>
        Task.FromResult<(Stream, string)?>(files.TryGetValue((applicationId, name), out var file)
            ? (new MemoryStream(file.Content, writable: false), file.Info.ContentType)
            : null);
}

/// <summary>Accepted actions kept in memory, in acceptance order (the Table store is tested on Azurite).</summary>
sealed class InMemoryPendingActions : IPendingActions
{
    readonly Lock gate = new();
    readonly List<(string ApplicationId, ActionRequest Action)> kept = [];

    public Task AddAsync(string applicationId, ActionRequest action, DateTimeOffset acceptedAtUtc, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            kept.Add((applicationId, action));
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads of the store, and those that found an action (for a test's timeout message).</summary>
    public (int Reads, int WithActions) Reads
    {
        get
        {
            lock (gate)
            {
                return (reads, readsWithActions);
            }
        }
    }

    int reads;
    int readsWithActions;

    public Task<IReadOnlyList<ActionRequest>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            reads++;
            readsWithActions += kept.Any(k => k.ApplicationId == applicationId) ? 1 : 0;
            return Task.FromResult<IReadOnlyList<ActionRequest>>([.. kept.Where(k => k.ApplicationId == applicationId).Select(k => k.Action)]);
        }
    }

    public Task RemoveAsync(string applicationId, string actionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            kept.RemoveAll(k => k.ApplicationId == applicationId && k.Action.ActionId == actionId);
        }

        return Task.CompletedTask;
    }

    public int Count(string applicationId)
    {
        lock (gate)
        {
            return kept.Count(k => k.ApplicationId == applicationId);
        }
    }
}

/// <summary>Parked e-mails in memory, by the notification's identity (the first parking stays). The Table store is tested on Azurite.</summary>
sealed class InMemoryParkedEmails : IParkedEmails
{
    readonly ConcurrentDictionary<(string, NotificationEvent, string, NotificationAudience), ParkedEmail> rows = new();

    public int Count(string applicationId) => rows.Keys.Count(k => k.Item1 == applicationId);

    public Task ParkAsync(NotificationRequest request, string reason, DateTimeOffset parkedAtUtc, CancellationToken cancellationToken)
    {
        rows.TryAdd(Key(request), new ParkedEmail(request, reason, parkedAtUtc));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParkedEmail>> ListAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ParkedEmail>>([.. rows.Values.OrderBy(p => p.ParkedAtUtc).Take(max)]);

    public Task RemoveAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        rows.TryRemove(Key(request), out _);
        return Task.CompletedTask;
    }

    static (string, NotificationEvent, string, NotificationAudience) Key(NotificationRequest r) => (r.ApplicationId, r.Event, r.Occurrence, r.Audience);
}
