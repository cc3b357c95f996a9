using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// Every endpoint × {anonymous, another enterprise, the right enterprise, appraiser, leader, admin, an officer of
/// another unit}. Write actions use bodies that stop at validation (422) or state (409) once access is granted, so
/// the matrix changes nothing it reads.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class AccessMatrixTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "accessmatrix";
    static readonly OnceAsync<((string Id, string Token) Mine, (string Id, string Token) Other)> Shared = new();
    (string Id, string Token)? mine;
    (string Id, string Token)? other;
    LifecycleClient client = null!;

    public async Task InitializeAsync()
    {
        var host = await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10));
        client = new LifecycleClient(host.Http);
        (mine, other) = await Shared.GetAsync(async () =>
        {
            var first = await client.SubmitAsync();
            var second = await client.SubmitAsync(enterpriseName: "Công ty Khác");
            await client.WaitStatusAsync(first.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            await client.WaitStatusAsync(second.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            return (first, second);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static readonly string[] Callers = ["anonymous", "other-enterprise", "enterprise", "appraiser", "leader", "admin", "other-unit"];

    /// <summary>(endpoint, expected status per caller in <see cref="Callers"/> order).</summary>
    public static TheoryData<string, int[]> Matrix() => new()
    {
        { "GET application", [404, 404, 200, 200, 200, 200, 404] },
        { "GET history", [404, 404, 200, 200, 200, 200, 404] },
        { "POST officer action (request-supplementation, invalid body)", [404, 404, 403, 422, 422, 422, 404] },
        { "POST appraiser action (submit-appraisal, wrong state)", [404, 404, 403, 409, 403, 409, 404] },
        { "POST leader action (approve, wrong state)", [404, 404, 403, 403, 409, 409, 404] },
        { "POST enterprise action (withdraw, invalid body)", [404, 404, 422, 403, 403, 403, 404] },
        { "GET inbox", [401, 401, 401, 200, 200, 200, 200] },
        { "GET budget", [401, 401, 401, 200, 200, 200, 200] },
        { "GET notifications", [401, 401, 401, 200, 200, 200, 404] },
        { "GET attachments", [404, 404, 200, 200, 200, 200, 404] },
        { "GET document (approval decision, not issued yet)", [404, 404, 404, 404, 404, 404, 404] },
        { "GET year-end report (none yet)", [401, 401, 401, 404, 404, 404, 404] },
        { "GET catalogue", [200, 200, 200, 200, 200, 200, 200] },
        { "GET catalogue validation", [401, 401, 401, 200, 200, 200, 200] },
        { "POST access-link (on the other enterprise's application)", [404, 403, 404, 200, 200, 200, 404] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_EachCaller_GetsTheExpectedStatus(string endpoint, int[] expected)
    {
        var (id, token) = mine!.Value;
        var actual = new List<int>();
        foreach (var name in Callers)
        {
            var caller = name switch
            {
                "anonymous" => As.Anonymous,
                "other-enterprise" => As.Enterprise(other!.Value.Token, "other-enterprise"),
                "enterprise" => As.Enterprise(token),
                "appraiser" => As.Appraiser,
                "leader" => As.Leader,
                "admin" => As.Admin,
                _ => As.Officer("can.bo.so.cong.thuong", "Officer,Appraiser,Leader", "sct"),
            };
            actual.Add(await StatusAsync(endpoint, id, caller));
        }

        Assert.True(expected.SequenceEqual(actual),
            $"{endpoint}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] for [{string.Join(", ", Callers)}]");
    }

    [Fact]
    public async Task AccessLink_Rotated_OldTokenNoLongerOpensTheApplicationNewOneDoes()
    {
        var (id, token) = await client.SubmitAsync();
        Assert.Equal(200, (await client.GetAsync($"/api/applications/{id}", As.Enterprise(token))).Status);

        var (status, rotated) = await client.PostEmptyAsync($"/api/applications/{id}/access-link", As.Clerk);

        Assert.Equal(200, status);
        var fresh = rotated.GetProperty("accessToken").GetString()!;
        Assert.NotEqual(token, fresh);
        Assert.Equal(404, (await client.GetAsync($"/api/applications/{id}", As.Enterprise(token))).Status);
        Assert.Equal(200, (await client.GetAsync($"/api/applications/{id}", As.Enterprise(fresh))).Status);
        Assert.Contains("AccessLinkRotated", await client.AuditKindsAsync(id));
    }

    async Task<int> StatusAsync(string endpoint, string id, As caller)
    {
        var body = (string json) => JsonDocument.Parse(json).RootElement;
        return endpoint switch
        {
            "GET application" => (await client.GetAsync($"/api/applications/{id}", caller)).Status,
            "GET history" => (await client.GetAsync($"/api/applications/{id}/history", caller)).Status,
            "POST officer action (request-supplementation, invalid body)" => (await client.ActAsync(id, "request-supplementation", body("{}"), caller)).Status,
            "POST appraiser action (submit-appraisal, wrong state)" => (await client.ActAsync(id, "submit-appraisal", body("{}"), caller)).Status,
            "POST leader action (approve, wrong state)" => (await client.ActAsync(id, "approve", body("""{"amountVnd":1}"""), caller)).Status,
            "POST enterprise action (withdraw, invalid body)" => (await client.ActAsync(id, "withdraw", body("""{"note":5}"""), caller)).Status,
            "GET inbox" => (await client.GetAsync("/api/inbox", caller)).Status,
            "GET budget" => (await client.GetAsync("/api/budget", caller)).Status,
            "GET notifications" => (await client.GetAsync($"/api/applications/{id}/notifications", caller)).Status,
            "GET attachments" => (await client.GetAsync($"/api/applications/{id}/attachments", caller)).Status,
            "GET document (approval decision, not issued yet)" => (await client.GetAsync($"/api/applications/{id}/documents/approval-decision", caller)).Status,
            "GET year-end report (none yet)" => (await client.GetAsync("/api/reports/year-end/2022", caller)).Status,
            "GET catalogue" => (await client.GetAsync("/api/catalogue", caller)).Status,
            "GET catalogue validation" => (await client.GetAsync("/api/catalogue/validation", caller)).Status,
            _ => (await client.PostEmptyAsync($"/api/applications/{other!.Value.Id}/access-link", caller)).Status,
        };
    }
}
