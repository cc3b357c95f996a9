using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Functions.Durable;
using NsclWorkflows.Functions.Tests.Fakes;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The activity wrappers build the real activity from the invocation's services and run it.</summary>
public sealed class WorkflowFunctionsTests
{
    static readonly DateTimeOffset SubmittedAt = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Now = SubmittedAt.AddHours(1);
    const string Id = "aaaaaaaaaaaaaaaaaaaaaaaaaa";

    readonly InMemoryApplicationRepository repository = new();
    readonly FailingInbox inbox = new();
    readonly FakeFunctionContext context;

    public WorkflowFunctionsTests()
    {
        var services = TestComposition.Services(s =>
        {
            s.AddSingleton<IApplicationRepository>(repository);
            s.AddSingleton<IInbox>(inbox);
            s.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        });
        context = new FakeFunctionContext(services);
    }

    [Fact]
    public async Task RunRecordStepActivity_Receipt_MarksItReceivedAndSyncsTheInbox()
    {
        await AddSubmittedAsync();

        var result = await WorkflowFunctions.RunRecordStepActivity(new StepCommand(Id, 1, StepKind.Receive, Now), "application-" + Id, context);

        Assert.Equal(ApplicationStatus.AwaitingCompletenessReview, result.Status);
        Assert.False(result.InboxPending);
        Assert.Equal(ApplicationStatus.AwaitingCompletenessReview, repository.Get(Id).Status);
        Assert.Equal(AuditKinds.ReceiptAcknowledged, repository.Audit[^1].Kind);
        Assert.Equal(1, inbox.Synced);
    }

    [Fact]
    public async Task RunRecordStepActivity_InboxFails_RecordsTheStepAndAsksTheWorkflowToRetryTheInbox()
    {
        await AddSubmittedAsync();
        inbox.Fail = true;

        var result = await WorkflowFunctions.RunRecordStepActivity(new StepCommand(Id, 1, StepKind.Receive, Now), "application-" + Id, context);

        Assert.True(result.InboxPending);
        Assert.Equal(ApplicationStatus.AwaitingCompletenessReview, repository.Get(Id).Status);
    }

    [Fact]
    public async Task RunSyncInboxActivity_UnknownApplication_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => WorkflowFunctions.RunSyncInboxActivity(Id, "application-" + Id, context));
    }

    async Task AddSubmittedAsync()
    {
        var submission = new ApplicationSubmission(
            "0101234567", "Công ty TNHH Thử Nghiệm", "Trần Thị B", "b@example.vn", "0912345678",
            "productivity-tools", "Đề tài thử", "Tóm tắt", 100_000_000);
        var application = new Application(Id, "NSCL-2025-TEST", submission, "v1", SubmittedAt, SubmittedAt.AddDays(5));
        var first = new AuditEntry(Id, SubmittedAt, AuditKinds.Submitted, "b@example.vn", "Nộp hồ sơ.");
        Assert.True(await repository.TryAddAsync(application, first, CancellationToken.None));
    }

    sealed class FailingInbox : IInbox
    {
        public bool Fail { get; set; }

        public int Synced { get; private set; }

        public Task SyncAsync(Application application, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new IOException("inbox table unavailable");
            }

            Synced++;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<InboxItem>> ListAsync(IReadOnlyCollection<string> units, IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
