using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// A file escalated again and again on the real standalone host and task hub: the workflow continues as new after its
/// steps and reminders per execution (ContinueAsNew on the Azure Storage provider through the sidecar), keeps its step
/// numbers, and still takes the action that finally comes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class WorkflowHistoryBoundTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task LongEscalation_ManyStepsAndReminders_ContinuesAsNewAndTakesTheAction()
    {
        const string hub = "historybound";
        // 20 steps and reminders per execution (the deployment's 200 would take minutes at this pace).
        await using var host = await StartAsync(hub, stepsPerExecution: 20);
        var (client, id) = await AcceptedAsync(host);

        // Nobody appraises: deadlines pass and reminders go out until the execution has taken its 20 and continued as new.
        var storage = new StorageProbe(azurite.ConnectionString);
        var instance = await LocalHostProcess.EventuallyAsync(
            async () => (await storage.RowsAsync(hub + "Instances", $"PartitionKey eq 'application-{id}'")).SingleOrDefault(),
            r => r?.GetString("Input")?.Contains("\"Continued\":{", StringComparison.OrdinalIgnoreCase) == true, Patience,
            "the workflow continues as new");
        Assert.Equal("Running", instance!.GetString("RuntimeStatus"));
        var escalated = await client.ViewAsync(id);
        Assert.Equal("UnderAppraisal", escalated.GetProperty("status").GetString());

        Assert.Equal(202, (await client.ActAsync(id, "submit-appraisal",
            new { recommendSupport = true, amountVnd = 200_000_000, scores = Sheets.Appraisal() }, As.Appraiser)).Status);
        await client.WaitStatusAsync(id, "AwaitingApproval", Patience);
        var audit = await client.AuditKindsAsync(id);
        Assert.Contains("AppraisalSubmitted", audit);
        Assert.DoesNotContain("ActionIgnored", audit);
        Assert.True(audit.Count(k => k == "Escalated") >= 2, string.Join(", ", audit));
    }

    [Fact]
    public async Task KeptAction_ItsEventNeverRaised_TakenOnceWhenTheDeadlineComes()
    {
        const string hub = "keptaction";
        await using var host = await StartAsync(hub);
        var (client, id) = await AcceptedAsync(host);
        await client.WaitStatusAsync(id, "UnderAppraisal", Patience);

        // Kept as the API keeps an accepted action, its event lost (never raised): the workflow reads it before the
        // appraisal deadline's path and takes it, on the real host's data converter and Table store.
        var store = new TablePendingActions(new TableClientFactory(new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = hub })));
        await store.AddAsync(id, new ActionRequest(LifecycleAction.SubmitAppraisal, "tham.dinh.kept", "Appraiser")
        {
            ActionId = "kept-" + Guid.NewGuid().ToString("N"),
            Positive = true,
            AmountVnd = 200_000_000,
            Scores = [.. Domain.Catalogue.EmbeddedCatalogue.Load().Rubrics.Single(r => r.Id == "nscl-tham-dinh").Criteria
                .Select(c => new CriterionScore(c.Id, c.MaxScore * 0.8m, c.MaxScore))],
            Note = "Đề nghị hỗ trợ.",
        }, DateTimeOffset.UtcNow, CancellationToken.None);

        await client.WaitStatusAsync(id, "AwaitingApproval", Patience);
        var audit = await client.AuditKindsAsync(id);
        Assert.Single(audit, k => k == "AppraisalSubmitted");
        Assert.DoesNotContain("ActionIgnored", audit);
        // The step's activity records the step (the status above), then removes the kept copy: gone soon after.
        await LocalHostProcess.EventuallyAsync(() => store.ListAsync(id, CancellationToken.None), kept => kept.Count == 0,
            TimeSpan.FromSeconds(30), "the kept copy is removed once taken");
    }

    /// <summary>The standalone host on its own hub and tables, a day of 100 ms.</summary>
    async Task<LocalHostProcess> StartAsync(string hub, int? stepsPerExecution = null)
    {
        var settings = new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = hub };
        if (stepsPerExecution is { } steps)
        {
            settings[Workflows.Common.WorkflowTiming.StepsPerExecutionSetting] = steps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var host = new LocalHostProcess(azurite.ConnectionString, hub, TimeSpan.FromMilliseconds(100), settings);
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A file submitted and found complete (its appraisal due next).</summary>
    static async Task<(LifecycleClient Client, string Id)> AcceptedAsync(LocalHostProcess host)
    {
        var client = new LifecycleClient(host.Http);
        var (id, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        return (client, id);
    }
}
