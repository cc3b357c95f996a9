using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Intake;

/// <summary>
/// Abuse limits over HTTP against the standalone host, each test on its own host configured with low limits through
/// environment variables, as an operator would: per client address (submissions, uploads, token-bearing requests) and
/// per contact e-mail (counted in Table storage, so it holds across a restart).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class RateLimitTests(AzuriteFixture azurite)
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    async Task<LocalHostProcess> StartAsync(string hub, params (string Key, string Value)[] limits)
    {
        var host = new LocalHostProcess(azurite.ConnectionString, hub, TimeSpan.FromMinutes(1),
            limits.ToDictionary(l => $"Nscl__RateLimits__{l.Key}", l => l.Value));
        await host.StartAsync();
        return host;
    }

    static string Email(string hub) => $"lien.he+{hub}@{Guid.NewGuid():N}.vn";

    static void AssertTooMany(HttpResponseMessage response, JsonElement problem, string code)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains("vui lòng thử lại sau", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
    }

    static async Task<(HttpResponseMessage Response, JsonElement Body)> SubmitAsync(HttpClient http, string email, string? key = null)
    {
        var body = TestSubmissions.Valid();
        body["contactEmail"] = email;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = TestSubmissions.Json(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }

    [Fact]
    public async Task Submit_OverThePerAddressLimit_Returns429WithRetryAfter()
    {
        await using var host = await StartAsync("ratesubmit", ("SubmissionsPerHour", "3"));

        for (var i = 0; i < 3; i++)
        {
            var (ok, created) = await SubmitAsync(host.Http, Email("ratesubmit"));
            Assert.True(ok.StatusCode == HttpStatusCode.Created, created.ToString());
        }

        var (refused, problem) = await SubmitAsync(host.Http, Email("ratesubmit"));

        AssertTooMany(refused, problem, "rate_limited");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Contains("hồ sơ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var health = await host.Http.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // only submissions are limited
    }

    [Fact]
    public async Task TokenGuessing_OverThePerAddressLimit_Returns429()
    {
        await using var host = await StartAsync("ratetoken", ("TokenRequestsPerMinute", "30"));
        var client = new LifecycleClient(host.Http);
        var (id, _) = await client.SubmitAsync();

        var statuses = new List<int>();
        for (var i = 0; i < 31; i++)
        {
            using var guess = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}");
            guess.Headers.Add("X-Access-Token", $"guess-{i}");
            using var response = await host.Http.SendAsync(guess);
            statuses.Add((int)response.StatusCode);
            if (i == 30)
            {
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                AssertTooMany(response, problem.RootElement, "rate_limited");
            }
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(404, s));
        using var anonymous = await host.Http.GetAsync("/api/catalogue");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode); // requests without a token are not counted
    }

    [Fact]
    public async Task Upload_OverThePerAddressLimit_Returns429()
    {
        await using var host = await StartAsync("rateupload", ("UploadsPerHour", "2"));
        var (id, token) = await new LifecycleClient(host.Http).SubmitAsync();

        var statuses = new List<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)>();
        for (var n = 1; n <= 3; n++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/attachments") { Content = new ByteArrayContent(Png) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Headers.Add("X-File-Name", $"anh-{n}.png");
            request.Headers.Add("X-Access-Token", token);
            using var response = await host.Http.SendAsync(request);
            statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses.Select(s => s.Status));
        Assert.Contains("\"rate_limited\"", statuses[2].Body, StringComparison.Ordinal);
        Assert.NotNull(statuses[2].RetryAfter);
    }

    [Fact]
    public async Task Submit_OverThePerEmailLimit_Returns429AndReplaysAreNotCountedEvenAfterARestart()
    {
        const string hub = "rateemail";
        var email = Email(hub);
        var sameMailbox = email.ToUpperInvariant().Replace("+RATEEMAIL", "+other", StringComparison.Ordinal); // one mailbox, one count
        var host = await StartAsync(hub, ("SubmissionsPerEmailPerDay", "2"));
        try
        {
            var (first, _) = await SubmitAsync(host.Http, email, "rate-email-key-1");
            var (second, _) = await SubmitAsync(host.Http, sameMailbox, "rate-email-key-2");
            Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));

            var (third, problem) = await SubmitAsync(host.Http, email, "rate-email-key-3");
            AssertTooMany(third, problem, "rate_limited_email");
            Assert.InRange(third.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));

            var (replay, _) = await SubmitAsync(host.Http, email, "rate-email-key-1");
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            var (other, _) = await SubmitAsync(host.Http, Email(hub), "rate-email-key-4");
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
        }

        // A restart forgets the in-memory limits, not the per-e-mail count.
        await using var restarted = await StartAsync(hub, ("SubmissionsPerEmailPerDay", "2"));
        var (afterRestart, again) = await SubmitAsync(restarted.Http, email, "rate-email-key-5");
        AssertTooMany(afterRestart, again, "rate_limited_email");
        var (replayAfterRestart, _) = await SubmitAsync(restarted.Http, sameMailbox, "rate-email-key-2");
        Assert.Equal(HttpStatusCode.OK, replayAfterRestart.StatusCode);
    }
}
