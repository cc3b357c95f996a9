using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Functions.Durable;
using NsclWorkflows.Functions.Tests.Fakes;
using NsclWorkflows.Workflows.Intake;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The activity wrappers build the real activity from the invocation's services and run it.</summary>
public sealed class WorkflowFunctionsTests
{
    static readonly DateTimeOffset SubmittedAt = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Now = SubmittedAt.AddHours(1);
    const string Id = "aaaaaaaaaaaaaaaaaaaaaaaaaa";

    readonly InMemoryApplicationRepository repository = new();
    readonly FakeFunctionContext context;

    public WorkflowFunctionsTests()
    {
        var services = TestComposition.Services(s =>
        {
            s.AddSingleton<IApplicationRepository>(repository);
            s.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        });
        context = new FakeFunctionContext(services);
    }

    [Fact]
    public async Task RunAcknowledgeReceiptActivity_SubmittedApplication_MarksItReceived()
    {
        await AddSubmittedAsync();

        var first = await WorkflowFunctions.RunAcknowledgeReceiptActivity(Id, "intake-" + Id, context);

        Assert.True(first);
        Assert.Equal(ApplicationStatus.AwaitingCompletenessReview, repository.Get(Id).Status);
        Assert.Equal(Now, repository.Get(Id).ReceivedAtUtc);
        Assert.Equal(AuditKinds.ReceiptAcknowledged, repository.Audit[^1].Kind);
    }

    [Fact]
    public async Task RunAcceptCompletenessActivity_ApplicationAwaitingReview_RecordsTheDecision()
    {
        await AddSubmittedAsync();
        await WorkflowFunctions.RunAcknowledgeReceiptActivity(Id, "intake-" + Id, context);

        var changed = await WorkflowFunctions.RunAcceptCompletenessActivity(new CompletenessDecision(Id, "Nguyễn Văn A", "Đủ"), "intake-" + Id, context);

        Assert.True(changed);
        Assert.Equal(ApplicationStatus.CompletenessAccepted, repository.Get(Id).Status);
        Assert.Equal("Nguyễn Văn A", repository.Get(Id).DecidedBy);
        Assert.Equal(AuditKinds.CompletenessAccepted, repository.Audit[^1].Kind);
    }

    [Fact]
    public async Task RunExpireApplicationActivity_ApplicationAwaitingReview_ExpiresIt()
    {
        await AddSubmittedAsync();
        await WorkflowFunctions.RunAcknowledgeReceiptActivity(Id, "intake-" + Id, context);

        var changed = await WorkflowFunctions.RunExpireApplicationActivity(Id, "intake-" + Id, context);

        Assert.True(changed);
        Assert.Equal(ApplicationStatus.Expired, repository.Get(Id).Status);
        Assert.Equal(AuditKinds.Expired, repository.Audit[^1].Kind);
    }

    [Fact]
    public async Task RunExpireApplicationActivity_UnknownApplication_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            WorkflowFunctions.RunExpireApplicationActivity(Id, "intake-" + Id, context));
    }

    async Task AddSubmittedAsync()
    {
        var submission = new ApplicationSubmission(
            "0101234567", "Công ty TNHH Thử Nghiệm", "Trần Thị B", "b@example.vn", "0912345678",
            "kind-1", "Đề tài thử", "Tóm tắt", 100_000_000);
        var application = new Application(Id, "NSCL-2025-TEST", submission, "v1", SubmittedAt, SubmittedAt.AddDays(5));
        var first = new AuditEntry(Id, SubmittedAt, AuditKinds.Submitted, "b@example.vn", "Nộp hồ sơ.");
        Assert.True(await repository.TryAddAsync(application, first, CancellationToken.None));
    }
}
