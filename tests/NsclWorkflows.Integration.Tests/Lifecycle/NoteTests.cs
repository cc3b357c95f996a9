using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// An officer's note on an open file, on the real standalone host: taken (202), in the officers' history, not in the
/// enterprise's; the file's status, due date and version stay; a closed file takes no note (409), an enterprise none (403).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class NoteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "concurrentactions"; // the host of ConcurrentActionTests: one process for both
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    LifecycleClient client = null!;

    public async Task InitializeAsync() => client = new LifecycleClient((await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10))).Http);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AddNote_OnAnOpenFile_IsInTheOfficersHistoryOnlyAndMovesNothing()
    {
        var (id, token) = await client.SubmitAsync();
        var before = await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        Assert.Equal(["add-note"], before.GetProperty("annotations").EnumerateArray().Select(a => a.GetString()));

        var (status, _) = await client.ActAsync(id, "add-note", new { note = "Đã gọi điện, doanh nghiệp gửi bản gốc tuần sau." }, As.Clerk);

        Assert.Equal(202, status);
        await client.WaitAsync(id, v => v.GetProperty("updatedAtUtc").GetString() != before.GetProperty("updatedAtUtc").GetString(), Patience, "the note recorded");
        var after = await client.ViewAsync(id);
        Assert.Equal((before.GetProperty("status").GetString(), before.GetProperty("nextDueUtc").GetString(), before.GetProperty("version").GetInt32()),
            (after.GetProperty("status").GetString(), after.GetProperty("nextDueUtc").GetString(), after.GetProperty("version").GetInt32()));
        var officers = (await client.GetAsync($"/api/applications/{id}/history", As.Clerk)).Body.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(officers, e => e.GetProperty("kind").GetString() == "NoteAdded"
            && e.GetProperty("detail").GetString() == "Đã gọi điện, doanh nghiệp gửi bản gốc tuần sau.");
        var enterprise = (await client.GetAsync($"/api/applications/{id}/history", As.Enterprise(token))).Body.GetProperty("entries").EnumerateArray();
        Assert.DoesNotContain(enterprise, e => e.GetProperty("kind").GetString() == "NoteAdded");
    }

    [Fact]
    public async Task AddNote_ByTheEnterpriseOrOnAClosedFile_IsRefused()
    {
        var (id, token) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);
        Assert.Equal(403, (await client.ActAsync(id, "add-note", new { note = "Ghi chú" }, As.Enterprise(token))).Status);
        await client.ActAsync(id, "withdraw", new { note = "Rút" }, As.Enterprise(token));
        await client.WaitStatusAsync(id, "Withdrawn", Patience);

        var (status, problem) = await client.ActAsync(id, "add-note", new { note = "Ghi chú" }, As.Clerk);

        Assert.Equal(409, status);
        Assert.Equal("invalid_transition", problem.GetProperty("code").GetString());
    }
}
