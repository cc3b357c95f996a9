using Azure.Data.Tables;
using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// The application workflow's upgrade from 1.0 (every call in sequence, e-mails in line) to 2.0 (a step in one activity,
/// e-mails in their own orchestrations, ContinueAsNew) on the real standalone host and task hub: a file started by the
/// 1.0 release finishes on the 1.0 path after the upgrade, while a file the upgraded host starts takes the 2.0 path.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class WorkflowUpgradeTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task InFlightVersion1Application_AfterUpgradeTo2_FinishesOnTheVersion1PathWhileNewOnesTakeVersion2()
    {
        const string hub = "upgradeflow";
        var settings = new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = hub };
        string id, token;
        await using (var release1 = new LocalHostProcess(azurite.ConnectionString, hub, TimeSpan.FromMinutes(10),
            new Dictionary<string, string>(settings) { ["Nscl:Durable:Versioning:Version"] = "1.0" }))
        {
            await release1.StartAsync();
            var before = new LifecycleClient(release1.Http);
            (id, token) = await before.SubmitAsync();
            await before.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        }

        await using var release2 = new LocalHostProcess(azurite.ConnectionString, hub, TimeSpan.FromMinutes(10), settings);
        await release2.StartAsync();
        var client = new LifecycleClient(release2.Http);
        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        await client.WaitStatusAsync(id, "UnderAppraisal", Patience);
        Assert.Equal(202, (await client.ActAsync(id, "withdraw", new { note = "Rút hồ sơ sau khi nâng cấp" }, As.Enterprise(token))).Status);
        await client.WaitStatusAsync(id, "Withdrawn", Patience);
        var (fresh, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(fresh, "AwaitingCompletenessReview", Patience);

        var storage = new StorageProbe(azurite.ConnectionString);
        var old = await LocalHostProcess.EventuallyAsync(() => InstanceAsync(storage, hub, id), r => r?.GetString("RuntimeStatus") == "Completed",
            Patience, "the 1.0 instance completes");
        Assert.Equal("1.0", old!.GetString("Version"));
        var oldCalls = await ScheduledAsync(storage, hub, id);
        Assert.Contains("RecordStepActivity", oldCalls);
        Assert.Contains("SendNotificationActivity", oldCalls);
        Assert.DoesNotContain("TakeStepActivity", oldCalls);

        var current = await InstanceAsync(storage, hub, fresh);
        Assert.Equal(WorkflowVersions.Current, current!.GetString("Version"));
        var newCalls = await ScheduledAsync(storage, hub, fresh);
        Assert.Equal(["TakeStepActivity"], newCalls);
        // The receipt's e-mail is sent in line by the step's activity (the host's capture endpoint takes it): recorded Sent,
        // no orchestration of its own (only an e-mail that fails in line gets one).
        await LocalHostProcess.EventuallyAsync(async () => (await client.GetAsync($"/api/applications/{fresh}/notifications", As.Clerk)).Body,
            log => log.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("event").GetString() == "Receipt"
                && n.GetProperty("state").GetString() == "Sent"), Patience, "the receipt's e-mail is sent");
        Assert.Null(await InstanceAsync(storage, hub, $"notification-{fresh}-"));
    }

    static async Task<TableEntity?> InstanceAsync(StorageProbe storage, string hub, string idOrPrefix)
    {
        var key = idOrPrefix.StartsWith("notification-", StringComparison.Ordinal) ? idOrPrefix : "application-" + idOrPrefix;
        var rows = await storage.RowsAsync(hub + "Instances", TableClient.CreateQueryFilter($"PartitionKey ge {key} and PartitionKey lt {key + "~"}"));
        return rows.FirstOrDefault();
    }

    static async Task<List<string>> ScheduledAsync(StorageProbe storage, string hub, string id) =>
        [.. (await storage.HistoryAsync(hub, "application-" + id)).Where(e => e.GetString("EventType") == "TaskScheduled").Select(e => e.GetString("Name"))];
}
