using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// Two people acting on one file at once, on the real standalone host: each action carries the version its page showed
/// (If-Match); of two conflicting actions on the same version exactly one is taken (202), the other gets 412
/// <c>stale_version</c> with the file's current state, and never reaches the workflow.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ConcurrentActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "concurrentactions";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    LifecycleClient client = null!;

    public async Task InitializeAsync() => client = new LifecycleClient((await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10))).Http);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Actions_TwoConflictingOnTheSameVersionAtOnce_OneIs202TheOther412WithTheCurrentState()
    {
        var (id, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        var version = (await client.ViewAsync(id)).GetProperty("version").GetInt32();

        var answers = await Task.WhenAll(
            Act(id, "accept-completeness", new { note = "Đủ hồ sơ" }, As.Officer("can.bo.a", "Officer"), version),
            Act(id, "request-supplementation", new { missingItems = new[] { "Báo cáo tài chính" } }, As.Officer("can.bo.b", "Officer"), version));

        Assert.Equal([202, 412], answers.Select(a => a.Status).Order());
        var refused = answers.Single(a => a.Status == 412).Body;
        Assert.Equal("stale_version", refused.GetProperty("code").GetString());
        var context = refused.GetProperty("context");
        Assert.Equal(version, context.GetProperty("seenVersion").GetInt32());
        Assert.True(context.TryGetProperty("currentStatus", out _) && context.TryGetProperty("currentVersion", out _));
        var winner = answers[0].Status == 202 ? "UnderAppraisal" : "SupplementationRequested";
        var after = await client.WaitStatusAsync(id, winner, Patience);
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        Assert.DoesNotContain("ActionIgnored", await client.AuditKindsAsync(id));
    }

    [Fact]
    public async Task Action_OnAVersionTheFileHasMovedOnFrom_Is412AndChangesNothing()
    {
        var (id, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        var seen = (await client.ViewAsync(id)).GetProperty("version").GetInt32();
        Assert.Equal(202, (await Act(id, "accept-completeness", new { }, As.Officer("can.bo.a", "Officer"), seen)).Status);
        await client.WaitStatusAsync(id, "UnderAppraisal", Patience);
        var before = await client.AuditKindsAsync(id);

        var (status, problem) = await Act(id, "request-supplementation", new { missingItems = new[] { "Báo cáo tài chính" } }, As.Officer("can.bo.b", "Officer"), seen);

        Assert.Equal(412, status);
        Assert.Equal("stale_version", problem.GetProperty("code").GetString());
        Assert.Equal("UnderAppraisal", problem.GetProperty("context").GetProperty("currentStatus").GetString());
        Assert.Equal(before, await client.AuditKindsAsync(id));
    }

    Task<(int Status, JsonElement Body)> Act(string id, string action, object body, As caller, int version) =>
        client.PostAsync($"/api/applications/{id}/actions/{action}", JsonContent.Create(body), caller, ("If-Match", $"\"{version}\""));
}
