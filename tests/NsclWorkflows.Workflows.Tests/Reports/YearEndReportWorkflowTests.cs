using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Workflows.Notifications;
using NsclWorkflows.Workflows.Reports;

namespace NsclWorkflows.Workflows.Tests.Reports;

public class YearEndReportWorkflowTests : IAsyncLifetime
{
    static readonly DateTimeOffset Occurrence = new(2025, 12, 14, 18, 0, 0, TimeSpan.Zero); // 15/12/2025 01:00 in Đà Nẵng
    static readonly YearEndReportRequest Request = new(2025, Occurrence, new DateOnly(2025, 12, 15), YearEndReportRequest.Scheduled, "scheduler");

    readonly InMemoryDocumentStore store = new();
    readonly RecordingDocumentBuilder builder = new();
    readonly RecordingNotifications notifications = new();
    readonly SeededLedger ledger = new(
        new LedgerBalance(new BudgetKey("IV.1", 2025), 800_000_000, 145_000_000, 300_000_000, 50_000_000),
        new LedgerBalance(new BudgetKey("I.2", 2024), 100_000_000, 0, 0, 40_000_000));
    readonly SeededIndicatorValues indicators = new(new IndicatorValue("20251210020000-a", "tfp-contribution-2025", 46.2m, IndicatorPeriod.OfYear(2025),
        "Cục Thống kê TP Đà Nẵng, Báo cáo số 12/BC-CTK ngày 08/12/2025", null, "oid-1", "Lê Văn Lãnh Đạo", new DateTimeOffset(2025, 12, 10, 2, 0, 0, TimeSpan.Zero)));
    DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHosts.StartAsync(
            tasks => tasks.AddNsclWorkflows(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton(EmbeddedCatalogue.Load());
                    services.AddSingleton<IDocumentStore>(store);
                    services.AddSingleton<IOfficialDocumentBuilder>(builder);
                    services.AddSingleton<IBudgetLedger>(ledger);
                    services.AddSingleton<IProgrammeProgressSource>(new FixedProgress(ProgrammeProgress.None));
                    services.AddSingleton(YearEndReportLayout.Default);
                    services.AddSingleton<IIndicatorValueStore>(indicators);
                    services.AddSingleton<INotificationService>(notifications);
                    services.AddLogging();
                },
            });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Run_ScheduledOccurrence_StoresSnapshotAndReportAndTellsTheLeaders()
    {
        var (id, started) = await YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None);

        var outcome = (await CompletedAsync(id)).ReadOutputAs<YearEndReportOutcome>()!;

        Assert.True(started);
        Assert.Equal("year-end-2025-202512141800", id);
        Assert.Equal(new YearEndReportOutcome(2025, 1, 1, true), outcome);
        var report = Assert.Single(store.All(DocumentKinds.YearEndReport));
        Assert.Equal(("2025", "Báo cáo kết quả thực hiện Kế hoạch năm 2025.docx", id), (report.Scope, report.FileName, report.SourceId));
        Assert.Single(store.All(DocumentKinds.YearEndReportData));
        var built = Assert.Single(builder.YearEndReports);
        Assert.Equal(145_000_000 + 300_000_000 + 50_000_000 + 40_000_000, built.TotalRow.ApprovedTotalVnd);
        Assert.Equal(new DateOnly(2025, 12, 15), built.AsOf);
        var tfp = built.Targets.Single(t => t.TargetId == "tfp-contribution-2025");
        Assert.Equal((46.2m, TargetStatus.Achieved, "Cục Thống kê TP Đà Nẵng, Báo cáo số 12/BC-CTK ngày 08/12/2025"), (tfp.Actual, tfp.Status, tfp.Source));
        var mail = Assert.Single(notifications.Sent);
        Assert.Equal((NotificationEvent.YearEndReportReady, NotificationAudience.Leaders, id), (mail.Event, mail.Audience, mail.Occurrence));
        var contract = NotificationFacts.For(NotificationEvent.YearEndReportReady);
        Assert.Equal(contract.Required.Order(), mail.Facts.Keys.Order()); // exactly the facts the e-mail's template uses
        Assert.Equal("/can-bo/tong-quan.html?year=2025", mail.Facts[NotificationFacts.ReportUrl]);
        Assert.Equal("535", mail.Facts[NotificationFacts.ApprovedMillionVnd]);
        Assert.Equal("2025-12-15", mail.Facts[NotificationFacts.AsOfDate]);
    }

    [Fact]
    public async Task StartIfNew_SameOccurrenceTwiceThenAgainAfterCompletion_MakesOneReport()
    {
        var first = await YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None);
        var second = await YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None);
        await CompletedAsync(first.InstanceId);
        var afterCompletion = await YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None);

        Assert.Equal([true, false, false], new[] { first.Started, second.Started, afterCompletion.Started });
        Assert.Single(store.All(DocumentKinds.YearEndReport));
        Assert.Single(notifications.Sent);
    }

    [Fact]
    public async Task StartIfNew_TwoTriggersAtOnce_MakeOneReport()
    {
        var both = await Task.WhenAll(
            Task.Run(() => YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None)),
            Task.Run(() => YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None)));
        await CompletedAsync(Request.InstanceId);

        Assert.Single(both.Select(b => b.InstanceId).Distinct());
        Assert.Single(store.All(DocumentKinds.YearEndReport));
    }

    [Fact]
    public async Task StartIfNew_NextOccurrence_MakesASecondVersion()
    {
        var first = await YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None);
        await CompletedAsync(first.InstanceId);
        var later = Request with { OccurrenceUtc = Occurrence.AddHours(3), Trigger = YearEndReportRequest.OnDemand };
        var second = await YearEndReportStarter.StartIfNewAsync(host.Client, later, CancellationToken.None);
        var outcome = (await CompletedAsync(second.InstanceId)).ReadOutputAs<YearEndReportOutcome>()!;

        Assert.Equal(2, outcome.ReportVersion);
        Assert.Equal([1, 2], store.All(DocumentKinds.YearEndReport).Select(d => d.Version));
    }

    [Fact]
    public async Task Run_NotificationRefused_KeepsTheReportAndSaysLeadersWereNotNotified()
    {
        notifications.Failures = ["leader@danang.gov.vn: 400 địa chỉ không hợp lệ"];
        var (id, _) = await YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None);

        var outcome = (await CompletedAsync(id)).ReadOutputAs<YearEndReportOutcome>()!;

        Assert.False(outcome.LeadersNotified);
        Assert.Single(store.All(DocumentKinds.YearEndReport));
    }

    [Fact]
    public async Task Run_ReportCannotBeBuilt_FailsAtOnceWithTheReasonForTheOperatorAndTellsNobody()
    {
        builder.Failing[DocumentKinds.YearEndReport] = "hexadecimal value 0xFFFF, is an invalid character";
        var (id, _) = await YearEndReportStarter.StartIfNewAsync(host.Client, Request, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        // The run's product is the report: with none, the run is Failed (listed by GET /api/operations/workflows with
        // this reason; a new run is a new occurrence). A defect is not retried for minutes first.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("0xFFFF", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(builder.YearEndReports);
        Assert.Empty(store.All(DocumentKinds.YearEndReport));
        Assert.Empty(notifications.Sent);
    }

    async Task<OrchestrationMetadata> CompletedAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        return result;
    }
}
