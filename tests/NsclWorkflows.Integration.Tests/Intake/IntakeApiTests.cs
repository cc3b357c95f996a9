using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

/// <summary>The intake path against the real host on Azurite: submit, read, decide, idempotency.</summary>
[Collection(AzuriteCollection.Name)]
public class IntakeApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "intakeapi";
    LocalHostProcess host = null!;

    public async Task InitializeAsync() => host = await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submit_ValidApplication_Returns201WithTrackingCodeAndReadableStatus()
    {
        var (status, body) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.Valid()));

        Assert.Equal(201, status);
        Assert.Matches("^NSCL-20[0-9]{2}-[0-9A-HJKMNP-TV-Z]{6}$", body.GetProperty("trackingCode").GetString());
        var view = await host.GetJsonAsync(body.GetProperty("statusUrl").GetString()!, body.GetProperty("accessToken").GetString());
        Assert.Equal(body.GetProperty("applicationId").GetString(), view.GetProperty("applicationId").GetString());
        Assert.Equal("Công ty TNHH Cơ khí Hòa Khánh", view.GetProperty("enterpriseName").GetString());
        var profile = view.GetProperty("profile");
        Assert.Equal("Trần Văn Minh", profile.GetProperty("legalRepresentativeName").GetString());
        Assert.Equal("Nguyễn Thị Hạnh", view.GetProperty("contactName").GetString());
        Assert.Equal("Quận Liên Chiểu", profile.GetProperty("districtName").GetString());
        Assert.Equal("Sản xuất sản phẩm từ kim loại đúc sẵn (trừ máy móc, thiết bị)", profile.GetProperty("sectorName").GetString());
        Assert.Equal(100_000_000, profile.GetProperty("ownContributionVnd").GetInt64());
        Assert.Equal(12, profile.GetProperty("durationMonths").GetInt32());
    }

    [Fact]
    public async Task Submit_SameKeyBodyDifferingOnlyInOwnContribution_IsRefusedAsAReusedKey()
    {
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var (first, _) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.Valid()), key);

        var (second, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.With("ownContributionVnd", 90_000_000)), key);

        Assert.Equal(201, first);
        Assert.Equal(422, second);
        Assert.Equal("idempotency_key_reused", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Get_WithoutAccessTokenOrOfficer_Returns404LikeAnUnknownId()
    {
        var (_, body) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.Valid()));
        var id = body.GetProperty("applicationId").GetString();

        using var anonymous = await host.Http.GetAsync($"/api/applications/{id}");
        using var wrongTokenRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
        wrongTokenRequest.Headers.Add("X-Access-Token", "AAAA");
        using var wrongToken = await host.Http.SendAsync(wrongTokenRequest);
        using var officerRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
        officerRequest.Headers.Add("X-Nscl-Dev-Officer", "officer.a; Appraiser");
        officerRequest.Headers.Add("X-Requested-With", "nscl");
        using var officer = await host.Http.SendAsync(officerRequest);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, officer.StatusCode);
    }

    [Fact]
    public async Task Submit_TwentyConcurrentIdenticalRequestsWithOneKey_CreateOneApplicationAndOneWorkflow()
    {
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var body = TestSubmissions.Valid().ToJsonString();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            TestSubmissions.PostAsync(host.Http, TestSubmissions.Raw(body, "application/json"), key)));

        Assert.All(results, r => Assert.True(r.Status is 200 or 201, $"status {r.Status}: {r.Body}"));
        var ids = results.Select(r => r.Body.GetProperty("applicationId").GetString()).Distinct().ToList();
        var id = Assert.Single(ids)!;
        Assert.Single(results, r => r.Status == 201);
        Assert.Single(results.Select(r => r.Body.GetProperty("trackingCode").GetString()).Distinct());

        var storage = new StorageProbe(azurite.ConnectionString);
        var audit = await storage.AuditAsync(id);
        Assert.Single(audit, e => e.GetString("Kind") == "Submitted");
        await host.WaitForStatusAsync(results[0].Body.GetProperty("statusUrl").GetString()!, "AwaitingCompletenessReview", TimeSpan.FromSeconds(30),
            results[0].Body.GetProperty("accessToken").GetString());
        var history = await storage.HistoryAsync(Hub, "application-" + id);
        Assert.Single(history, e => e.GetString("EventType") == "ExecutionStarted");
        // One receipt step; nobody has acted yet.
        Assert.Single(history, e => e.GetString("EventType") == "TaskScheduled" && e.GetString("Name") == "TakeStepActivity");
    }

    [Fact]
    public async Task Submit_SameKeyDifferentBody_IsRefusedAndCreatesNothing()
    {
        var key = "idem-" + Guid.NewGuid().ToString("N");
        var (first, _) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.Valid()), key);
        var storage = new StorageProbe(azurite.ConnectionString);
        var before = await storage.CountRowsAsync("nsclApplications", StorageProbe.ApplicationRows);

        var (second, problem) = await TestSubmissions.PostAsync(host.Http, TestSubmissions.Json(TestSubmissions.With("title", "Một nhiệm vụ khác hẳn")), key);

        Assert.Equal(201, first);
        Assert.Equal(422, second);
        Assert.Equal("idempotency_key_reused", problem.GetProperty("code").GetString());
        Assert.Equal(before, await storage.CountRowsAsync("nsclApplications", StorageProbe.ApplicationRows));
    }

    [Fact]
    public async Task Health_StorageAndBackendUp_Returns200()
    {
        var health = await host.GetJsonAsync("/api/health");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("storage").GetProperty("healthy").GetBoolean());
        Assert.True(health.GetProperty("durable").GetProperty("healthy").GetBoolean());
    }
}
