using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;
using NsclWorkflows.Local.Email;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace NsclWorkflows.Integration.Tests.Email;

/// <summary>The capture endpoint as the standalone host serves it in Development, driven by the real SendGrid client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaptureEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    LocalHostProcess host = null!;

    public async Task InitializeAsync() => host = await azurite.SharedHostAsync("intakeapi", TimeSpan.FromMinutes(10));

    public Task DisposeAsync() => Task.CompletedTask;

    SendGridClient Client(string apiKey = "SG.any-key") =>
        new(new HttpClient(), new SendGridClientOptions { ApiKey = apiKey, Host = $"http://127.0.0.1:{host.Port}{SendGridCaptureEndpoints.BasePath}" });

    static SendGridMessage Valid(string marker)
    {
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("no-reply@sokhcn.example.vn", "Sở KH&CN"),
            new EmailAddress("hanh@doanhnghiep.example.vn", "Nguyễn Thị Hạnh"),
            "Thư thử <b>" + marker + "</b>",
            "Nội dung thuần " + marker,
            "<p>Xin chào " + marker + "</p><script>document.title='x'</script><img src=x onerror=alert(1)>");
        message.AddCustomArg("applicationId", marker);
        return message;
    }

    [Fact]
    public async Task MailSend_ValidMessage_Accepted202WithIdAndListedInOutboxJson()
    {
        var marker = Guid.NewGuid().ToString("N");

        var response = await Client().SendEmailAsync(Valid(marker));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(response.IsSuccessStatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Message-Id"));
        var outbox = await host.GetJsonAsync("/dev/outbox.json");
        var captured = Assert.Single(outbox.EnumerateArray(), m => m.GetProperty("id").GetString() == id);
        var personalization = captured.GetProperty("message").GetProperty("personalizations")[0];
        Assert.Equal("hanh@doanhnghiep.example.vn", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal($"Thư thử <b>{marker}</b>", personalization.GetProperty("subject").GetString());
        Assert.Equal(marker, personalization.GetProperty("custom_args").GetProperty("applicationId").GetString());
    }

    [Fact]
    public async Task Outbox_MessageWithScript_ShownInASandboxedFrameUnderAScriptlessPolicy()
    {
        var marker = Guid.NewGuid().ToString("N");
        Assert.True((await Client().SendEmailAsync(Valid(marker))).IsSuccessStatusCode);

        using var response = await host.Http.GetAsync("/dev/outbox");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<h2>Thư thử &lt;b&gt;{marker}&lt;/b&gt;</h2>", page);
        Assert.Contains($"<iframe sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"Thư thử &lt;b&gt;{marker}&lt;/b&gt;\" srcdoc=\"&lt;p&gt;Xin chào {marker}&lt;/p&gt;&lt;script&gt;", page);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task MailSend_WithoutBearerKey_Is401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/sendgrid/v3/mail/send")
        {
            Content = new StringContent(Valid("x").Serialize(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authorization required", (await Errors(response)).Single().Message);
    }

    [Fact]
    public async Task MailSend_NoFrom_400WithSendGridStyleError()
    {
        var message = Valid("nofrom");
        message.From = null;

        var response = await Client().SendEmailAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsOf(response);
        Assert.Equal("from", Assert.Single(errors).Field);
        Assert.StartsWith("The from object must be provided for every email send.", errors[0].Message);
    }

    [Theory]
    [InlineData("""{"from":{"email":"a@example.com"},"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations")]
    [InlineData("""{"from":{"email":"a@example.com"},"personalizations":[{"to":[]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to")]
    [InlineData("""{"from":{"email":"a@example.com"},"personalizations":[{"to":[{"email":"not-an-address"}]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to.0.email")]
    [InlineData("""{"from":{"email":"a@example.com"},"personalizations":[{"to":[{"email":"b@example.com"}]}],"content":[{"type":"text/plain","value":"x"}]}""", "subject")]
    [InlineData("""{"from":{"email":"a@example.com"},"personalizations":[{"to":[{"email":"b@example.com"}]}],"subject":"s"}""", "content")]
    [InlineData("""{"from":{"email":"a@example.com"},"personalizations":[{"to":[{"email":"b@example.com"}]}],"subject":"s","content":[{"type":"text/html","value":"<p>x</p>"},{"type":"text/plain","value":"x"}]}""", "content")]
    [InlineData("""{"from":{"email":"bad"},"personalizations":[{"to":[{"email":"b@example.com"}]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""", "from.email")]
    public async Task MailSend_WhatSendGridRejects_400NamingTheField(string body, string field)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, Assert.Single(await Errors(response)).Field);
    }

    [Fact]
    public async Task MailSend_TemplateWithoutSubjectOrContent_Accepted()
    {
        using var response = await PostRawAsync(
            """{"from":{"email":"a@example.com"},"personalizations":[{"to":[{"email":"b@example.com"}],"dynamic_template_data":{"x":1}}],"template_id":"d-123"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Faults_ForOneRecipient_OnlyItsMessageIsRefused_OthersAccepted()
    {
        using (var plan = await host.Http.PostAsync("/dev/sendgrid/faults",
            new StringContent("""{"status":400,"count":1,"to":"Loi.Thu@Example.com"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        }

        static string Message(string to) =>
            $$"""{"from":{"email":"a@example.com"},"personalizations":[{"to":[{"email":"{{to}}"}]}],"subject":"s","content":[{"type":"text/plain","value":"x"}]}""";
        using var other = await PostRawAsync(Message("ai.do@example.com"));
        using var refused = await PostRawAsync(Message("loi.thu@example.com"));
        using var again = await PostRawAsync(Message("loi.thu@example.com"));

        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":200,"count":1}""")]
    [InlineData("""{"status":429,"count":0}""")]
    [InlineData("""not json""")]
    public async Task Faults_InvalidPlan_Is400(string body)
    {
        using var response = await host.Http.PostAsync("/dev/sendgrid/faults", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/sendgrid/v3/mail/send") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "SG.any-key");
        return await host.Http.SendAsync(request);
    }

    static async Task<List<SendGridError>> Errors(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ErrorBody>(Web))!.Errors;

    static async Task<List<SendGridError>> ErrorsOf(Response response) =>
        JsonSerializer.Deserialize<ErrorBody>(await response.Body.ReadAsStringAsync(), Web)!.Errors;

    sealed record ErrorBody(List<SendGridError> Errors);
}
