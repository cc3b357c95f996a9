using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// What an activity or a workflow failing looks like on the real standalone host: a document that cannot be built is
/// recorded and flagged while the application moves on; an action to a workflow that stopped is refused with a 409;
/// the operator's list and the health check show the stopped workflow.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class WorkflowFaultTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DocumentBuilderFailsEveryTime_ApplicationMovesOnWithTheFailureOnItAndInTheInboxAndTheWorkflowRuns()
    {
        await using var host = new LocalHostProcess(azurite.ConnectionString, "docfault", TimeSpan.FromMinutes(10), new Dictionary<string, string>
        {
            ["Nscl:Storage:TablePrefix"] = "docfault",
            ["Nscl:Faults:DocumentKinds"] = "appraisal-record",
        });
        await host.StartAsync();
        var client = new LifecycleClient(host.Http);
        var (id, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        await client.WaitStatusAsync(id, "UnderAppraisal", Patience);

        Assert.Equal(202, (await client.ActAsync(id, "submit-appraisal",
            new { recommendSupport = true, amountVnd = 200_000_000, scores = Sheets.Appraisal() }, As.Appraiser)).Status);

        var view = await client.WaitAsync(id, v => DocumentFailures(v).GetArrayLength() == 1, Patience, "the failed appraisal record is recorded");
        Assert.Equal("AwaitingApproval", view.GetProperty("status").GetString());
        var failure = DocumentFailures(view)[0];
        Assert.Equal("appraisal-record", failure.GetProperty("kind").GetString());
        Assert.Contains("0xFFFF", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("DocumentFailed", await client.AuditKindsAsync(id));
        var (_, inbox) = await client.GetAsync($"/api/inbox?q={id}", As.Leader);
        var item = inbox.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("applicationId").GetString() == id);
        Assert.Equal(1, item.GetProperty("documentFailures").GetInt32());
        var (_, operations) = await client.GetAsync("/api/operations/workflows", As.Admin);
        Assert.DoesNotContain(operations.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("applicationId").GetString() == id);

        // The workflow is running: the leader's approval is taken, and the document is tried again (and fails again).
        Assert.Equal(202, (await client.ActAsync(id, "approve", new { amountVnd = 200_000_000, budgetYear = 2025 }, As.Leader)).Status);
        var approved = await client.WaitAsync(id, v => v.GetProperty("status").GetString() == "AwaitingDecisionSigning"
            && DocumentFailures(v)[0].GetProperty("attempts").GetInt32() == 2, Patience, "approved, the appraisal record tried again");
        Assert.Single(DocumentFailures(approved).EnumerateArray());
    }

    [Fact]
    public async Task WorkflowTerminated_ActionRefusedWith409_ListedAndCounted_ThenResumedByTheAdminFromTheStoredState()
    {
        const string hub = "stoppedflow";
        await using var host = new LocalHostProcess(azurite.ConnectionString, hub, TimeSpan.FromMinutes(10), new Dictionary<string, string>
        {
            ["Nscl:Storage:TablePrefix"] = hub,
        });
        await host.StartAsync();
        var client = new LifecycleClient(host.Http);
        var (id, _) = await client.SubmitAsync();
        var view = await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        var instanceId = "application-" + id;

        // An operator (or a crash of the old kind) stopped the workflow: the application row still says "awaiting review".
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub,
            StorageAccountClientProvider = new StorageAccountClientProvider(azurite.ConnectionString),
        });
        await new TaskHubClient(service).TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, "Dừng để kiểm thử");
        var listed = await LocalHostProcess.EventuallyAsync(
            async () => (await client.GetAsync("/api/operations/workflows", As.Admin)).Body,
            b => b.GetProperty("workflows").EnumerateArray().Any(w => w.GetProperty("instanceId").GetString() == instanceId),
            Patience, "the terminated workflow is listed");

        var (status, problem) = await client.ActAsync(id, "accept-completeness", new { }, As.Clerk);

        Assert.Equal(409, status);
        Assert.Equal("workflow_unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("Terminated", problem.GetProperty("context").GetProperty("workflowStatus").GetString());
        Assert.Equal("AwaitingCompletenessReview", (await client.ViewAsync(id)).GetProperty("status").GetString());
        var row = listed.GetProperty("workflows").EnumerateArray().Single(w => w.GetProperty("instanceId").GetString() == instanceId);
        Assert.Equal(("Terminated", id, view.GetProperty("trackingCode").GetString()),
            (row.GetProperty("status").GetString(), row.GetProperty("applicationId").GetString(), row.GetProperty("trackingCode").GetString()));
        Assert.Contains("Dừng để kiểm thử", row.GetProperty("failure").GetString(), StringComparison.Ordinal);
        var (_, health) = await client.GetAsync("/api/health", As.Anonymous);
        Assert.True(health.GetProperty("workflows").GetProperty("terminated").GetInt32() >= 1, health.ToString());
        Assert.Equal(403, (await client.GetAsync("/api/operations/workflows", As.Leader)).Status);

        // The operator resumes it: a new execution carried on from the stored application (it would first take any action
        // still kept); the officer's action refused while it was stopped is taken now, and the file goes on from there.
        Assert.Equal(403, (await client.PostAsync($"/api/operations/workflows/{instanceId}/resume", Json("{}"), As.Leader)).Status);
        var (resumed, answer) = await client.PostAsync($"/api/operations/workflows/{instanceId}/resume", Json("{}"), As.Admin);
        Assert.True(resumed == 202, $"resume: {resumed} {answer}");
        Assert.Equal(("AwaitingCompletenessReview", id), (answer.GetProperty("applicationStatus").GetString(), answer.GetProperty("applicationId").GetString()));
        var accepted = await LocalHostProcess.EventuallyAsync(async () => (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status,
            s => s == 202, Patience, "the resumed workflow takes actions again");
        Assert.Equal(202, accepted);
        await client.WaitStatusAsync(id, "UnderAppraisal", Patience);
        var (again, _) = await client.PostAsync($"/api/operations/workflows/{instanceId}/resume", Json("{}"), As.Admin);
        Assert.Equal(409, again); // running again: nothing to resume
    }

    static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    static JsonElement DocumentFailures(JsonElement view) =>
        view.GetProperty("lifecycle").TryGetProperty("documentFailures", out var f) ? f : JsonDocument.Parse("[]").RootElement;
}
