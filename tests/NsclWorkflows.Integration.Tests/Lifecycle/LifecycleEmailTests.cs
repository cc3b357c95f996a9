using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// The lifecycle's e-mails through the real notification service and SendGrid client into the host's capture
/// endpoint; a refused e-mail is shown on the application and in the officers' inbox.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class LifecycleEmailTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Submission_ReceiptMailedToTheEnterprise_WithTheSecretLinkAndVietnameseSubject()
    {
        var host = await azurite.SharedHostAsync("lifecyclemail", TimeSpan.FromMinutes(10));
        var client = new LifecycleClient(host.Http);
        var (id, token) = await client.SubmitAsync(enterpriseName: "Công ty <script>alert(1)</script> & Cộng sự");
        var view = await client.WaitStatusAsync(id, "AwaitingCompletenessReview", Patience);

        var receipt = await LocalHostProcess.EventuallyAsync(() => MessagesAsync(host, id), m => m.Count > 0, Patience, "the receipt is captured");

        var message = Assert.Single(receipt);
        var personalization = message.GetProperty("personalizations")[0];
        Assert.Equal("hanh.nguyen@cokhihoakhanh.vn", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal($"[NSCL] Đã tiếp nhận hồ sơ {view.GetProperty("trackingCode").GetString()}", personalization.GetProperty("subject").GetString());
        Assert.Equal("Receipt", personalization.GetProperty("custom_args").GetProperty("event").GetString());
        var html = message.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/html").GetProperty("value").GetString()!;
        Assert.Contains(token, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiptRefusedByTheProvider_ShownOnTheApplicationAndInTheInbox()
    {
        await using var host = new LocalHostProcess(azurite.ConnectionString, "mailrefused", TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = "mailrefused" });
        await host.StartAsync();
        using (var plan = await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status = 400, count = 1 }))
        {
            plan.EnsureSuccessStatusCode();
        }

        var client = new LifecycleClient(host.Http);
        var (id, _) = await client.SubmitAsync();

        var view = await client.WaitAsync(id, v => v.GetProperty("lifecycle").TryGetProperty("notificationFailures", out var f) && f.GetArrayLength() > 0,
            Patience, "the refused receipt is recorded on the application");
        Assert.Contains("Không gửi được thư xác nhận tiếp nhận hồ sơ tới doanh nghiệp", view.GetProperty("lifecycle").GetProperty("notificationFailures")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("NotificationFailed", await client.AuditKindsAsync(id));

        var (_, inbox) = await client.GetAsync($"/api/inbox?q={id}", As.Clerk);
        var item = inbox.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("applicationId").GetString() == id);
        Assert.Equal(1, item.GetProperty("notificationFailures").GetInt32());

        var (status, log) = await client.GetAsync($"/api/applications/{id}/notifications", As.Clerk);
        Assert.Equal(200, status);
        Assert.Contains(log.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("event").GetString() == "Receipt"
            && n.GetProperty("state").GetString() == "Failed");
    }

    [Fact]
    public async Task ProviderDown_ReceiptParkedShownToTheOperatorThenSentOnceByTheSweep_NoFailureNoWorkflowOfItsOwn()
    {
        const string prefix = "mailparked";
        await using var host = new LocalHostProcess(azurite.ConnectionString, prefix, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["Nscl:Storage:TablePrefix"] = prefix });
        await host.StartAsync();
        using (var plan = await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { status = 503, count = 1000 }))
        {
            plan.EnsureSuccessStatusCode();
        }

        var client = new LifecycleClient(host.Http);
        var (id, _) = await client.SubmitAsync();

        // The provider down: the receipt waits, parked; the operator sees it (how many, since when, why).
        var parked = await LocalHostProcess.EventuallyAsync(async () => (await client.GetAsync("/api/operations/workflows", As.Admin)).Body,
            b => b.GetProperty("parkedEmails").GetProperty("count").GetInt32() >= 1, Patience, "the receipt is parked");
        Assert.Contains("503", parked.GetProperty("parkedEmails").GetProperty("lastReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("AwaitingCompletenessReview", (await client.ViewAsync(id)).GetProperty("status").GetString());

        // The provider back: the next sweep sends it, recorded Sent, delivered once.
        (await host.Http.DeleteAsync("/dev/sendgrid/faults")).EnsureSuccessStatusCode();
        await LocalHostProcess.EventuallyAsync(async () => (await client.GetAsync($"/api/applications/{id}/notifications", As.Clerk)).Body,
            log => log.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("event").GetString() == "Receipt"
                && n.GetProperty("state").GetString() == "Sent"), Patience, "the parked receipt is sent by the sweep");
        Assert.Single(await MessagesAsync(host, id), m => m.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("event").GetString() == "Receipt");
        var view = await client.ViewAsync(id);
        Assert.False(view.GetProperty("lifecycle").TryGetProperty("notificationFailures", out var failures) && failures.GetArrayLength() > 0);

        var storage = new StorageProbe(azurite.ConnectionString);
        var instances = await storage.RowsAsync(prefix + "Instances",
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {"notification-" + id} and PartitionKey lt {"notification-" + id + "~"}"));
        Assert.Empty(instances);
        await LocalHostProcess.EventuallyAsync(() => storage.RowsAsync(prefix + "ParkedEmails", "PartitionKey eq 'parked'"), rows => rows.Count == 0,
            TimeSpan.FromSeconds(30), "the parked row leaves once sent");
        Assert.Equal(0, (await client.GetAsync("/api/operations/workflows", As.Admin)).Body.GetProperty("parkedEmails").GetProperty("count").GetInt32());
    }

    static async Task<List<JsonElement>> MessagesAsync(LocalHostProcess host, string applicationId)
    {
        var all = await host.GetJsonAsync("/dev/outbox.json?limit=500");
        return [.. all.EnumerateArray()
            .Select(m => m.GetProperty("message"))
            .Where(m => m.GetProperty("personalizations")[0].TryGetProperty("custom_args", out var args)
                && args.TryGetProperty("applicationId", out var a) && a.GetString() == applicationId)];
    }
}
