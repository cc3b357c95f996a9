using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Web;

/// <summary>What the pages rely on, over HTTP: attachments checked by content, the CSRF guard, the pages' headers.</summary>
[Collection(AzuriteCollection.Name)]
public class WebApiTests(AzuriteFixture azurite)
{
    static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    async Task<(LocalHostProcess Host, LifecycleClient Client)> HostAsync()
    {
        var host = await azurite.SharedHostAsync("webapi", TimeSpan.FromMinutes(1));
        return (host, new LifecycleClient(host.Http));
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient http, string id, string token, byte[] content, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/attachments") { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(name));
        request.Headers.Add("X-Access-Token", token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Attachments_TypeByContent_ListedAndDownloadedWithTheLinkOnly()
    {
        var (host, client) = await HostAsync();
        var (id, token) = await client.SubmitAsync();

        var (status, created) = await UploadAsync(host.Http, id, token, Png, "ảnh chụp.exe");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("ảnh chụp.png", created.GetProperty("name").GetString());
        var (refused, problem) = await UploadAsync(host.Http, id, token, "MZ not really a pdf"u8.ToArray(), "hop-dong.pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused);
        Assert.Equal("file", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        var (stranger, _) = await UploadAsync(host.Http, id, "wrong-token", Png, "x.png");
        Assert.Equal(HttpStatusCode.NotFound, stranger);

        var (_, list) = await client.GetAsync($"/api/applications/{id}/attachments", As.Enterprise(token));
        Assert.Equal(["ảnh chụp.png"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        using var download = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{id}/attachments/{Uri.EscapeDataString("ảnh chụp.png")}");
        download.Headers.Add("X-Access-Token", token);
        using var file = await host.Http.SendAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());
        using var anonymous = await host.Http.GetAsync($"/api/applications/{id}/attachments/{Uri.EscapeDataString("ảnh chụp.png")}");
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.NotFound)]          // no custom header: the officer's credentials are ignored
    [InlineData("nscl", "cross-site", HttpStatusCode.NotFound)] // the browser says another site sent it
    [InlineData("nscl", "same-origin", HttpStatusCode.Accepted)]
    public async Task OfficerWrite_WithoutProofOfSameSite_IsAnonymous(string? requestedWith, string? fetchSite, HttpStatusCode expected)
    {
        var (host, client) = await HostAsync();
        var (id, _) = await client.SubmitAsync();
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/actions/accept-completeness")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Nscl-Dev-Officer", "chuyen.vien; Officer; skhcn");
        if (requestedWith is not null)
        {
            request.Headers.Add("X-Requested-With", requestedWith);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using var response = await host.Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Pages_HaveTheirSecurityHeaders()
    {
        var (host, _) = await HostAsync();
        using var page = await host.Http.GetAsync("/trang-thai.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        using var home = await host.Http.GetAsync("/");
        Assert.Contains("Chương trình NSCL", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
