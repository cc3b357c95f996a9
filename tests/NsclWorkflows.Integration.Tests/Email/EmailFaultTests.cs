using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email;
using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.Workflows.Common;
using NsclWorkflows.Workflows.Notifications;

namespace NsclWorkflows.Integration.Tests.Email;

/// <summary>
/// Provider faults and crashes, with the real service, the real SendGrid client and the capture endpoint's fault
/// injection: transient refusals are retried by the activity's Durable retry policy and sent once; permanent ones are
/// recorded and not retried; a run that stops after the provider accepted never sends a second copy.
/// </summary>
[Collection(LongLifecycleCollection.Name)]
public sealed class EmailFaultTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Prefix = "emailfaults";
    readonly LogCapture logs = new();
    CaptureServer capture = null!;

    public async Task InitializeAsync() => capture = await CaptureServer.StartAsync(azurite.ConnectionString, Prefix);

    public async Task DisposeAsync() => await capture.DisposeAsync();

    Dictionary<string, string?> Settings() => EmailTestServices.Settings(azurite.ConnectionString, Prefix, capture);

    static NotificationRequest ReceiptFor(Application application) => new(
        application.Id, NotificationEvent.Receipt, "receipt", NotificationAudience.Enterprise, EmailTestServices.Unit,
        new Dictionary<string, string> { [NotificationFacts.DueDate] = "2026-03-09" });

    [Fact]
    public async Task Activity_ProviderAnswers429TwiceThen202_RetriedByThePolicySentOnceAndRetriesLogged()
    {
        await capture.PlanFaultAsync(429, count: 2);
        await using var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddActivity<SendNotificationActivity>();
                tasks.AddOrchestrator<SendOneNotification>();
            },
            new DurableTaskTestHostOptions { ConfigureServices = services => services.AddEmailUnderTest(Settings(), logs) });
        var application = await EmailTestServices.StoreApplicationAsync(host.Services);

        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SendOneNotification), ReceiptFor(application));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var result = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(1, result.ReadOutputAs<NotificationOutcome>()!.Sent);
        Assert.Single(await capture.MessagesForAsync(application.Id));
        var ours = logs.Entries.Where(e => e.Message.Contains(application.Id, StringComparison.Ordinal)).ToList();
        var retries = ours.Where(e => e.EventId.Id == 5002).Select(e => e.Message).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Contains("attempt 1 (429 too many requests)", retries[0]);
        Assert.Contains("attempt 2 (429 too many requests)", retries[1]);
        Assert.Contains("attempt 3", Assert.Single(ours, e => e.EventId.Id == 5001).Message);
        var record = Assert.Single(await host.Services.GetRequiredService<INotificationLog>().ListAsync(application.Id, CancellationToken.None));
        Assert.Equal((NotificationState.Sent, 3, 202, (string?)null), (record.State, record.Attempts, record.ProviderStatus, record.Reason));
    }

    [Fact]
    public async Task Send_ProviderAnswers400_FailureRecordedVisibleInTheLogAndNotRetried()
    {
        await using var services = EmailTestServices.Build(Settings(), logs);
        var application = await EmailTestServices.StoreApplicationAsync(services);
        var notifications = services.GetRequiredService<INotificationService>();
        await capture.PlanFaultAsync(400, count: 1);

        var first = await notifications.SendAsync(ReceiptFor(application), CancellationToken.None);
        var again = await notifications.SendAsync(ReceiptFor(application), CancellationToken.None);

        var failure = Assert.Single(first.Failures);
        Assert.Equal($"{application.Submission.ContactEmail}: 400 bad request (injected fault)", failure);
        Assert.Equal((0, 0, failure), (again.Sent, again.AlreadySent, Assert.Single(again.Failures)));
        Assert.Empty(await capture.MessagesForAsync(application.Id));
        var record = Assert.Single(await services.GetRequiredService<INotificationLog>().ListAsync(application.Id, CancellationToken.None));
        Assert.Equal((NotificationState.Failed, 1, 400, "400 bad request (injected fault)"), (record.State, record.Attempts, record.ProviderStatus, record.Reason));
        Assert.Equal(application.Submission.ContactEmail, record.Recipient);
        Assert.Equal($"[NSCL] Đã tiếp nhận hồ sơ {application.TrackingCode}", record.Subject);
    }

    [Fact]
    public async Task Send_RunStopsAfterProviderAcceptedBeforeRecording_ReRunSendsNothing()
    {
        Application application;
        await using (var crashing = EmailTestServices.Build(Settings(), logs, services =>
            services.AddHttpClient(SendGridNotificationService.HttpClientName).AddHttpMessageHandler(() => new StopAfterProviderAnswered())))
        {
            application = await EmailTestServices.StoreApplicationAsync(crashing);
            await Assert.ThrowsAsync<SimulatedCrashException>(() =>
                crashing.GetRequiredService<INotificationService>().SendAsync(ReceiptFor(application), CancellationToken.None));
        }

        Assert.Single(await capture.MessagesForAsync(application.Id));
        await using var restarted = EmailTestServices.Build(Settings(), logs);
        var log = restarted.GetRequiredService<INotificationLog>();
        Assert.Equal(NotificationState.Sending, Assert.Single(await log.ListAsync(application.Id, CancellationToken.None)).State);

        var outcome = await restarted.GetRequiredService<INotificationService>().SendAsync(ReceiptFor(application), CancellationToken.None);

        Assert.Equal((0, 1, 0), (outcome.Sent, outcome.AlreadySent, outcome.Failures.Count));
        Assert.Single(await capture.MessagesForAsync(application.Id));
        Assert.Equal(NotificationState.Unconfirmed, Assert.Single(await log.ListAsync(application.Id, CancellationToken.None)).State);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 5005 && e.Message.Contains(application.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_ActivityRunsAgainAfterSentWasRecorded_SendsNothing()
    {
        await using var services = EmailTestServices.Build(Settings());
        var application = await EmailTestServices.StoreApplicationAsync(services);
        var notifications = services.GetRequiredService<INotificationService>();

        var first = await notifications.SendAsync(ReceiptFor(application), CancellationToken.None);
        var second = await notifications.SendAsync(ReceiptFor(application), CancellationToken.None);

        Assert.Equal((1, 0), (first.Sent, first.AlreadySent));
        Assert.Equal((0, 1), (second.Sent, second.AlreadySent));
        Assert.Single(await capture.MessagesForAsync(application.Id));
    }

    [Fact]
    public async Task Send_TwoRunsOfTheSameRequestAtOnce_OneMessage()
    {
        await using var services = EmailTestServices.Build(Settings());
        var application = await EmailTestServices.StoreApplicationAsync(services);
        var notifications = services.GetRequiredService<INotificationService>();

        var outcomes = await Task.WhenAll(
            notifications.SendAsync(ReceiptFor(application), CancellationToken.None),
            notifications.SendAsync(ReceiptFor(application), CancellationToken.None));

        Assert.Equal((1, 1), (outcomes.Sum(o => o.Sent), outcomes.Sum(o => o.AlreadySent)));
        Assert.Single(await capture.MessagesForAsync(application.Id));
    }

    [Fact]
    public async Task Send_ProviderTooSlow_TimeoutIsTransientAndTheNextRunSends()
    {
        var settings = Settings();
        settings["Nscl:Email:Timeout"] = "00:00:01";
        await using var services = EmailTestServices.Build(settings);
        var application = await EmailTestServices.StoreApplicationAsync(services);
        var notifications = services.GetRequiredService<INotificationService>();
        await capture.PlanFaultAsync(500, count: 1, delayMs: 10_000);

        var error = await Assert.ThrowsAsync<TransientNotificationException>(() => notifications.SendAsync(ReceiptFor(application), CancellationToken.None));
        var log = services.GetRequiredService<INotificationLog>();
        var retrying = Assert.Single(await log.ListAsync(application.Id, CancellationToken.None));
        var outcome = await notifications.SendAsync(ReceiptFor(application), CancellationToken.None);

        Assert.Contains("timeout after 1 s", error.Message);
        Assert.Equal((NotificationState.Retrying, "timeout after 1 s"), (retrying.State, retrying.Reason));
        Assert.Equal(1, outcome.Sent);
        var sent = Assert.Single(await log.ListAsync(application.Id, CancellationToken.None));
        Assert.Equal((NotificationState.Sent, 2, (string?)null), (sent.State, sent.Attempts, sent.Reason));
        Assert.Single(await capture.MessagesForAsync(application.Id));
    }

    [Fact]
    public async Task Send_ProviderAnswers503_IsTransient()
    {
        await using var services = EmailTestServices.Build(Settings());
        var application = await EmailTestServices.StoreApplicationAsync(services);
        await capture.PlanFaultAsync(503, count: 1);

        await Assert.ThrowsAsync<TransientNotificationException>(() =>
            services.GetRequiredService<INotificationService>().SendAsync(ReceiptFor(application), CancellationToken.None));

        var record = Assert.Single(await services.GetRequiredService<INotificationLog>().ListAsync(application.Id, CancellationToken.None));
        Assert.Equal((NotificationState.Retrying, 503), (record.State, record.ProviderStatus));
        Assert.Empty(await capture.MessagesForAsync(application.Id));
    }

    [Fact]
    public async Task Send_NoOfficerConfiguredForTheUnit_FailureRecordedAndNothingSent()
    {
        await using var services = EmailTestServices.Build(Settings());
        var application = await EmailTestServices.StoreApplicationAsync(services);
        var request = new NotificationRequest(application.Id, NotificationEvent.AppraisalAssigned, "1", NotificationAudience.Appraisers, "so-cong-thuong",
            new Dictionary<string, string> { [NotificationFacts.DueDate] = "2026-03-31" });

        var outcome = await services.GetRequiredService<INotificationService>().SendAsync(request, CancellationToken.None);

        Assert.Contains("'so-cong-thuong', vai trò Appraiser", Assert.Single(outcome.Failures));
        var record = Assert.Single(await services.GetRequiredService<INotificationLog>().ListAsync(application.Id, CancellationToken.None));
        Assert.Equal((NotificationState.Failed, string.Empty), (record.State, record.Recipient));
        Assert.Empty(await capture.MessagesForAsync(application.Id));
    }

    [Fact]
    public async Task Send_RequiredFactMissing_FailureNamesItAndNothingSent()
    {
        await using var services = EmailTestServices.Build(Settings());
        var application = await EmailTestServices.StoreApplicationAsync(services);
        var request = ReceiptFor(application) with { Facts = new Dictionary<string, string>() };

        var outcome = await services.GetRequiredService<INotificationService>().SendAsync(request, CancellationToken.None);

        Assert.Contains("no value for dueDate", Assert.Single(outcome.Failures));
        Assert.Empty(await capture.MessagesForAsync(application.Id));
    }

    /// <summary>Sends one notification through the activity with the production retry policy.</summary>
    sealed class SendOneNotification : TaskOrchestrator<NotificationRequest, NotificationOutcome>
    {
        public override Task<NotificationOutcome> RunAsync(TaskOrchestrationContext context, NotificationRequest input) =>
            context.CallActivityAsync<NotificationOutcome>(nameof(SendNotificationActivity), input, RetryPolicies.Email);
    }

    /// <summary>Lets the request reach the provider, then stops the run before the answer is recorded (as a killed process would).</summary>
    sealed class StopAfterProviderAnswered : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var response = await base.SendAsync(request, cancellationToken);
            throw new SimulatedCrashException();
        }
    }

    sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException() : base("The process stopped here.")
        {
        }
    }
}
