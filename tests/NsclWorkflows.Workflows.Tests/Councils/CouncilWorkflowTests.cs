using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Councils;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Workflows.Councils;
using NsclWorkflows.Workflows.Tests.Lifecycle;

namespace NsclWorkflows.Workflows.Tests.Councils;

/// <summary>
/// The council's workflow on the in-memory Durable Task host, the council in memory: members act on the stored council
/// and the workflow is told as the API does; the instants it acts at are seconds apart.
/// </summary>
public sealed class CouncilWorkflowTests : IAsyncLifetime
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly Rubric Rubric = Catalogue.Rubrics.Single(r => r.Id == "nscl-tham-dinh");
    const string ApplicationId = "aaaaaaaaaaaaaaaaaaaaaaaaaa";

    readonly InMemoryCouncils councils = new();
    readonly InMemoryPendingActions pending = new();
    readonly RecordingNotifications notifications = new();
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHosts.StartAsync(
            tasks => tasks.AddNsclWorkflows(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<ICouncilRepository>(councils);
                    services.AddSingleton<ICouncilLinks>(new FakeLinks());
                    services.AddSingleton<IPendingActions>(pending);
                    services.AddSingleton<INotificationService>(notifications);
                    services.AddSingleton(Catalogue);
                    services.AddLogging();
                },
            });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Assert.Empty(notifications.Violations);
    }

    [Fact]
    public async Task Council_OneMemberSilent_AllInvitedOnlyTheSilentRemindedLeadersToldOverdueThenClosedAndTheResultKeptForTheFile()
    {
        var council = await FoundAsync();
        var now = DateTimeOffset.UtcNow;
        await StartAsync(council, now.AddSeconds(3), now.AddSeconds(5), now.AddSeconds(7));

        await notifications.WaitForAsync(n => n.ApplicationId == council.Id && n.Event == NotificationEvent.CouncilMemberInvited && n.Facts[NotificationFacts.MemberName] == "Thành viên 5", Patience);
        foreach (var member in new[] { "m1", "m2", "m3" })
        {
            await ActAsync(council.Id, c => CouncilRules.Declare(c, member, false, null, null, DateTimeOffset.UtcNow));
            await ActAsync(council.Id, c => CouncilRules.Score(c, member, ApplicationId, Sheet(), Rubric, DateTimeOffset.UtcNow));
        }

        await ActAsync(council.Id, c => CouncilRules.Declare(c, "m4", true, null, "Là cổ đông của doanh nghiệp", DateTimeOffset.UtcNow));
        await notifications.WaitForAsync(n => n.ApplicationId == council.Id && n.Event == NotificationEvent.CouncilOverdue, Patience);

        // The silent member acts after the due date: the council stays closable.
        await ActAsync(council.Id, c => CouncilRules.Declare(c, "m5", false, null, null, DateTimeOffset.UtcNow));
        await ActAsync(council.Id, c => CouncilRules.Score(c, "m5", ApplicationId, Sheet(), Rubric, DateTimeOffset.UtcNow));
        await ActAsync(council.Id, c => CouncilRules.Close(c, "m3", DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddMinutes(-1), _ => Rubric,
            Catalogue.CouncilPolicy, DateTimeOffset.UtcNow));

        using var timeout = new CancellationTokenSource(Patience);
        var result = await host.Client.WaitForInstanceCompletionAsync(CouncilWorkflowInput.InstanceIdOf(council.Id), getInputsAndOutputs: true, timeout.Token);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, "Closed"), (result.RuntimeStatus, result.ReadOutputAs<string>()));

        var mails = notifications.For(council.Id);
        Assert.Equal(5, mails.Count(n => n.Event == NotificationEvent.CouncilMemberInvited));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"/hoi-dong/phieu.html#council={council.Id}&member=m{i}&access=token"),
            mails.Where(n => n.Event == NotificationEvent.CouncilMemberInvited).Select(n => n.Facts[NotificationFacts.MemberUrl]).Order());
        Assert.All(mails.Where(n => n.Event == NotificationEvent.CouncilMemberInvited), n => Assert.Equal(NotificationAudience.CouncilMember, n.Audience));
        Assert.Equal(["Thành viên 5"], mails.Where(n => n.Event == NotificationEvent.CouncilMemberReminder).Select(n => n.Facts[NotificationFacts.MemberName]));
        var escalation = Assert.Single(mails, n => n.Event == NotificationEvent.CouncilEscalated);
        Assert.Equal((NotificationAudience.Leaders, "skhcn", "Thành viên 5 – Ủy viên"), (escalation.Audience, escalation.Unit, escalation.Facts[NotificationFacts.PendingMembers]));
        Assert.Single(mails, n => n.Event == NotificationEvent.CouncilOverdue);

        var stored = (await councils.FindAsync(council.Id, default))!;
        Assert.NotNull(stored.OverdueAtUtc);
        Assert.NotNull(stored.Member("m5")!.RemindedAtUtc);
        Assert.Null(stored.Member("m1")!.RemindedAtUtc);
        Assert.All(stored.Members, m => Assert.NotNull(m.MailedAtUtc));
        Assert.NotNull(stored.Application(ApplicationId)!.DeliveredAtUtc);
        var kept = Assert.Single(await pending.ListAsync(ApplicationId, default));
        Assert.Equal((LifecycleAction.RecordCouncilResult, $"council-{council.Id}-{ApplicationId}"), (kept.Action, kept.ActionId));
        Assert.Equal(4, kept.Council!.Sheets.Count);
        Assert.Equal("Là cổ đông của doanh nghiệp", kept.Council.Summary.Members.Single(m => m.MemberId == "m4").RecusalReason);
    }

    [Fact]
    public async Task Council_InvitationRefusedByTheProvider_FailureInTheJournalAndTheWorkflowGoesOn()
    {
        notifications.Refuse.Add(NotificationEvent.CouncilMemberInvited);
        var council = await FoundAsync();
        var now = DateTimeOffset.UtcNow;
        await StartAsync(council, now.AddSeconds(2), now.AddSeconds(3), now.AddSeconds(4), maxWaits: 1);

        using var timeout = new CancellationTokenSource(Patience);
        var result = await host.Client.WaitForInstanceCompletionAsync(CouncilWorkflowInput.InstanceIdOf(council.Id), getInputsAndOutputs: true, timeout.Token);

        Assert.Equal((OrchestrationRuntimeStatus.Completed, CouncilWorkflow.Unattended), (result.RuntimeStatus, result.ReadOutputAs<string>()));
        var stored = (await councils.FindAsync(council.Id, default))!;
        Assert.Equal(5, stored.Journal.Count(n => n.Failed && n.Text.StartsWith("Không gửi được thư mời thành viên hội đồng", StringComparison.Ordinal)));
        Assert.All(stored.Members, m => Assert.Null(m.MailedAtUtc));
        Assert.Equal(5, notifications.For(council.Id).Count(n => n.Event == NotificationEvent.CouncilMemberReminder));
    }

    static ActionRequest Sheet() => new(LifecycleAction.SubmitAppraisal, "member", "Council")
    {
        Positive = true,
        AmountVnd = 200_000_000,
        Scores = [.. Rubric.Criteria.Select(c => new CriterionScore(c.Id, c.MaxScore * 0.8m, c.MaxScore) { Comment = "Tốt" })],
    };

    async Task<Council> FoundAsync()
    {
        string[] roles = ["chair", "vice-chair", "secretary", "reviewer", "member"];
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var founded = CouncilRules.Found(new CouncilRequest("Hội đồng thử", "appraisal", null, "1/QĐ-SKHCN", today, "Nguyễn Văn Ký", null,
            [.. roles.Select((r, i) => new CouncilMemberRequest($"Thành viên {i + 1}", i == 0 ? "PGS.TS." : null, null, $"tv{i + 1}@example.vn", r))], today.AddDays(3)),
            "hd-test-" + Guid.NewGuid().ToString("N")[..8], "skhcn", "Lãnh đạo", now, today, Catalogue.CouncilPolicy,
            [new(ApplicationId, "NSCL-2026-AAAAAA", "Công ty A", "Nhiệm vụ A", "standards-management-systems", 300_000_000)]);
        var council = founded.Value! with { Members = [.. founded.Value!.Members.Select(m => m with { LinkNonce = "n" + m.Id, TokenHash = "x" })] };
        await councils.TryAddAsync(council, default);
        return council;
    }

    Task<string> StartAsync(Council council, DateTimeOffset reminder, DateTimeOffset escalation, DateTimeOffset due, int maxWaits = 30)
    {
        var input = new CouncilWorkflowInput(council.Id, reminder, escalation, due, TimeSpan.FromSeconds(2)) { MaxWaitsAfterDue = maxWaits };
        return host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CouncilWorkflow), input, new StartOrchestrationOptions(input.InstanceId));
    }

    /// <summary>What the API does: changes the council, then tells its workflow.</summary>
    async Task ActAsync(string councilId, Func<Council, ValidationResult<Council>> change)
    {
        var result = await councils.UpdateAsync(councilId, change, default);
        Assert.True(result!.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        await host.Client.RaiseEventAsync(CouncilWorkflowInput.InstanceIdOf(councilId), CouncilWorkflow.ChangedEvent, result.Value!.State.ToString());
    }

    sealed class FakeLinks : ICouncilLinks
    {
        public string Token(string councilId, string memberId, string nonce) => "token";

        public string MemberPage(string councilId, string memberId, string nonce) => $"/hoi-dong/phieu.html#council={councilId}&member={memberId}&access=token";
    }

    sealed class InMemoryCouncils : ICouncilRepository
    {
        readonly Lock gate = new();
        readonly Dictionary<string, Council> all = new(StringComparer.Ordinal);

        public Task<bool> TryAddAsync(Council council, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return Task.FromResult(all.TryAdd(council.Id, council));
            }
        }

        public Task<Council?> FindAsync(string id, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return Task.FromResult(all.GetValueOrDefault(id));
            }
        }

        public Task<IReadOnlyList<Council>> ListAsync(string? unit, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return Task.FromResult<IReadOnlyList<Council>>([.. all.Values.Where(c => unit is null || c.Unit == unit)]);
            }
        }

        /// <summary>The workflow never founds councils; the seats are tested on the Table store (TableCouncilsTests).</summary>
        public Task<(string ApplicationId, string CouncilId)?> TryClaimFilesAsync(Council council, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
            Task.FromResult<(string ApplicationId, string CouncilId)?>(null);

        public Task<ValidationResult<Council>?> UpdateAsync(string id, Func<Council, ValidationResult<Council>> change, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                if (!all.TryGetValue(id, out var council))
                {
                    return Task.FromResult<ValidationResult<Council>?>(null);
                }

                var result = change(council);
                if (result.IsValid)
                {
                    all[id] = result.Value!;
                }

                return Task.FromResult<ValidationResult<Council>?>(result);
            }
        }
    }
}
