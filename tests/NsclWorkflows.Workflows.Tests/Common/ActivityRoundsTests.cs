using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Tests.Common;

/// <summary>
/// A call made until it completes survives a completion that is not its own: after host kills the backend once handed a
/// step's call the result of another call with the same task id (a number where a step was expected), which failed the
/// workflow (docs/reliability.md, 2 December). The call is made again instead.
/// </summary>
public sealed class ActivityRoundsTests : IAsyncLifetime
{
    DurableTaskTestHost host = null!;

    /// <summary>What a step's call returns when it is its own.</summary>
    public sealed record Shape(string Name, int Count);

    static int calls;

    /// <summary>Answers with another call's kind of result (a number) the first time, with its own after.</summary>
    sealed class AnswersOnceWithAnotherShape : TaskActivity<string, object>
    {
        public override Task<object> RunAsync(TaskActivityContext context, string input) =>
            Task.FromResult<object>(Interlocked.Increment(ref calls) == 1 ? 1 : new Shape(input, calls));
    }

    /// <summary>Answers with a result of the right shape that names another call the first time, with its own after.</summary>
    sealed class AnswersOnceForAnotherCall : TaskActivity<string, Shape>
    {
        public override Task<Shape> RunAsync(TaskActivityContext context, string input) =>
            Task.FromResult(Interlocked.Increment(ref calls) == 1 ? new Shape("bước khác", calls) : new Shape(input, calls));
    }

    sealed class CallsUntilItsOwn : TaskOrchestrator<string, Shape>
    {
        public override Task<Shape> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallUntilDoneAsync<Shape>(new WorkflowTiming(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), nameof(AnswersOnceForAnotherCall), input,
                new TaskOptions(), "a test step", isThisCalls: s => s.Name == input);
    }

    sealed class CallsUntilDone : TaskOrchestrator<string, Shape>
    {
        public override Task<Shape> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallUntilDoneAsync<Shape>(new WorkflowTiming(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), nameof(AnswersOnceWithAnotherShape), input,
                new TaskOptions(), "a test step");
    }

    public async Task InitializeAsync() =>
        host = await TestHosts.StartAsync(r => r.AddOrchestrator<CallsUntilDone>().AddActivity<AnswersOnceWithAnotherShape>()
            .AddOrchestrator<CallsUntilItsOwn>().AddActivity<AnswersOnceForAnotherCall>(), new DurableTaskTestHostOptions());

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>
    /// A result of another shape (a number where a step was expected: the workflow that failed in the fault campaign), or
    /// of the same shape naming another call (the payment lost after a host kill, issue 18): called again, its own taken.
    /// </summary>
    [Theory]
    [InlineData(nameof(CallsUntilDone), "bước 7")]
    [InlineData(nameof(CallsUntilItsOwn), "bước 8")]
    public async Task CallUntilDone_HandedAnotherCallsResult_CallsAgainAndCompletesWithItsOwn(string orchestrator, string step)
    {
        calls = 0;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, step);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new Shape(step, 2), done.ReadOutputAs<Shape>());
    }
}
