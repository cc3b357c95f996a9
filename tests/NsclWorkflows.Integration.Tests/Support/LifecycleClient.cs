using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>Who a request is sent as.</summary>
public sealed record As(string Label, string? AccessToken = null, string? DevOfficer = null)
{
    public static readonly As Anonymous = new("anonymous");

    public static As Enterprise(string token, string label = "enterprise") => new(label, AccessToken: token);

    public static As Officer(string name, string roles, string unit = "skhcn") => new(name, DevOfficer: $"{name}; {roles}; {unit}");

    public static readonly As Appraiser = Officer("tham.dinh", "Appraiser");
    public static readonly As Leader = Officer("lanh.dao", "Leader");
    public static readonly As Admin = Officer("quan.tri", "Admin", "sct");
    public static readonly As Clerk = Officer("chuyen.vien", "Officer");
    public static readonly As Accountant = Officer("ke.toan", "Accountant");

    public override string ToString() => Label;

    public void ApplyTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AccessToken is not null)
        {
            request.Headers.Add("X-Access-Token", AccessToken);
        }

        if (DevOfficer is not null)
        {
            request.Headers.Add("X-Nscl-Dev-Officer", DevOfficer);
            request.Headers.Add("X-Requested-With", "nscl");
        }
    }
}

/// <summary>The lifecycle API as a client uses it, against a running host.</summary>
public sealed class LifecycleClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<(string Id, string Token)> SubmitAsync(string kind = "productivity-tools", long amount = 300_000_000, string enterpriseName = "Công ty TNHH Cơ khí Hòa Khánh")
    {
        var body = TestSubmissions.Valid();
        body["supportKindId"] = kind;
        body["requestedAmountVnd"] = amount;
        body["enterpriseName"] = enterpriseName;
        var (status, created) = await TestSubmissions.PostAsync(http, TestSubmissions.Json(body));
        if (status != 201)
        {
            throw new InvalidOperationException($"Submit answered {status}: {created}");
        }

        return (created.GetProperty("applicationId").GetString()!, created.GetProperty("accessToken").GetString()!);
    }

    public async Task<(int Status, JsonElement Body)> ActAsync(string id, string action, object body, As caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{id}/actions/{action}") { Content = JsonContent.Create(body) };
        caller.ApplyTo(request);
        return await SendAsync(request);
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string url, As caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        caller.ApplyTo(request);
        return await SendAsync(request);
    }

    public async Task<(int Status, JsonElement Body)> PostEmptyAsync(string url, As caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        caller.ApplyTo(request);
        return await SendAsync(request);
    }

    /// <summary>POST with any content (and extra headers) as <paramref name="caller"/>.</summary>
    public async Task<(int Status, JsonElement Body)> PostAsync(string url, HttpContent content, As caller, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        caller.ApplyTo(request);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await SendAsync(request);
    }

    /// <summary>From completeness review through one appraisal to approval of <paramref name="amountVnd"/> (budget year 2025) and the signed decision.</summary>
    /// <remarks><paramref name="coFunding"/>: the co-funding the leader corrects at approval (null: as declared).</remarks>
    public async Task ApproveAsync(string id, long amountVnd, object? coFunding = null)
    {
        var timeout = TimeSpan.FromSeconds(60);
        await WaitStatusAsync(id, "AwaitingCompletenessReview", timeout);
        await ExpectAcceptedAsync(ActAsync(id, "accept-completeness", new { }, As.Clerk));
        await WaitStatusAsync(id, "UnderAppraisal", timeout);
        await ExpectAcceptedAsync(ActAsync(id, "submit-appraisal",
            new { recommendSupport = true, amountVnd, scores = Sheets.Appraisal() }, As.Appraiser));
        await WaitStatusAsync(id, "AwaitingApproval", timeout);
        await ExpectAcceptedAsync(ActAsync(id, "approve", coFunding is null ? new { amountVnd, budgetYear = 2025 } : new { amountVnd, budgetYear = 2025, coFunding }, As.Leader));
        await SignAsync(id, As.Leader);
    }

    /// <summary>Approved: <paramref name="leader"/> uploads the signed PDF and records it (signed today); waits for implementation.</summary>
    public async Task SignAsync(string id, As leader)
    {
        var timeout = TimeSpan.FromSeconds(60);
        await WaitStatusAsync(id, "AwaitingDecisionSigning", timeout);
        var file = await UploadSignedPdfAsync(id, leader);
        await ExpectAcceptedAsync(ActAsync(id, "record-signed-decision", SignedBody(file), leader));
        await WaitStatusAsync(id, "InImplementation", timeout);
    }

    /// <summary>A minimal PDF (recognised by its content), as the signed decision's scan.</summary>
    public static readonly byte[] SignedPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% quyết định đã ký\n%%EOF\n"u8.ToArray();

    public const string SignedPdfName = "quyet-dinh-da-ky.pdf";

    public static ByteArrayContent SignedPdfContent()
    {
        var content = new ByteArrayContent(SignedPdf);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return content;
    }

    /// <summary>Uploads the signed PDF as an attachment; the name it was stored under.</summary>
    public async Task<string> UploadSignedPdfAsync(string id, As caller)
    {
        using var content = SignedPdfContent();
        var (status, body) = await PostAsync($"/api/applications/{id}/attachments", content, caller, ("X-File-Name", SignedPdfName));
        return status == 201 ? body.GetProperty("name").GetString()! : throw new InvalidOperationException($"Upload answered {status}: {body}");
    }

    /// <summary>The body of record-signed-decision: signed today (Vietnam), by a deputy director, the file as stored.</summary>
    /// <summary>The accountant's record of a payment of <paramref name="payableId"/> ("checkin-1", "final"): its whole amount, paid today.</summary>
    public static object PaymentBody(string payableId, long amountVnd, string reference = "KB-2025-000123") => new PaymentRequest(payableId, amountVnd, reference);

    /// <summary>The accountant pays every payable the file has open (each its whole amount) and waits until each is paid.</summary>
    public async Task PayAllAsync(string id, As accountant, TimeSpan timeout)
    {
        var view = await ViewAsync(id);
        var open = view.GetProperty("lifecycle").TryGetProperty("payables", out var payables)
            ? payables.EnumerateArray().Where(p => !p.TryGetProperty("payment", out var paid) || paid.ValueKind == JsonValueKind.Null)
                .Select(p => (Id: p.GetProperty("id").GetString()!, Amount: p.GetProperty("amountVnd").GetInt64())).ToList()
            : [];
        foreach (var (payable, amount) in open)
        {
            await ExpectAcceptedAsync(ActAsync(id, "record-payment", PaymentBody(payable, amount), accountant));
            await WaitAsync(id, v => v.GetProperty("lifecycle").GetProperty("payables").EnumerateArray()
                .Any(p => p.GetProperty("id").GetString() == payable && p.TryGetProperty("payment", out var paid) && paid.ValueKind == JsonValueKind.Object),
                timeout, $"{payable} is paid");
        }
    }

    public static object SignedBody(string file) => new SignedDecisionRequest(file);

    /// <summary>Today in Đà Nẵng, read when a body is sent (serialised), not when a test listed its steps.</summary>
    static string TodayInVietnam() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// record-payment's body, paid "today" as of its sending: a test lists its steps before running them, and a list made
    /// just before midnight (Vietnam) paid on the day before the payable fell due (422 paidOn out_of_range).
    /// </summary>
    sealed record PaymentRequest(
        [property: JsonPropertyName("payableId")] string PayableId,
        [property: JsonPropertyName("amountVnd")] long AmountVnd,
        [property: JsonPropertyName("treasuryReference")] string TreasuryReference)
    {
        // Named as the API reads them whatever serialiser options a test uses (some serialise with the defaults).
        [JsonPropertyName("paidOn")]
        public string PaidOn => TodayInVietnam();
    }

    /// <summary>record-signed-decision's body, signed "today" as of its sending (see <see cref="PaymentRequest"/>).</summary>
    sealed record SignedDecisionRequest([property: JsonPropertyName("signedFile")] string SignedFile)
    {
        [JsonPropertyName("signedOn")]
        public string SignedOn => TodayInVietnam();

        [JsonPropertyName("signerName")]
        public string SignerName => "Nguyễn Văn Ký";

        [JsonPropertyName("signerTitle")]
        public string SignerTitle => "Phó Giám đốc";
    }

    static async Task ExpectAcceptedAsync(Task<(int Status, JsonElement Body)> step)
    {
        var (status, body) = await step;
        if (status != 202)
        {
            throw new InvalidOperationException($"Step answered {status}: {body}");
        }
    }

    /// <summary>Starts the year-end report of <paramref name="year"/> as a Leader and downloads it once stored (.docx bytes).</summary>
    public async Task<byte[]> YearEndReportAsync(int year, TimeSpan timeout)
    {
        var (started, run) = await PostEmptyAsync($"/api/reports/year-end/{year}", As.Leader);
        if (started != 202)
        {
            throw new InvalidOperationException($"year-end report: {started} {run}");
        }

        return (await LocalHostProcess.EventuallyAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/year-end/{year}");
            As.Leader.ApplyTo(request);
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : null;
        }, bytes => bytes is not null, timeout, $"the year-end report {year} is stored"))!;
    }

    public async Task<JsonElement> ViewAsync(string id) => (await GetAsync($"/api/applications/{id}", As.Admin)).Body;

    /// <summary>Polls the application (a point read of its row) until <paramref name="holds"/>.</summary>
    public Task<JsonElement> WaitAsync(string id, Func<JsonElement, bool> holds, TimeSpan timeout, string what) =>
        LocalHostProcess.EventuallyAsync(() => ViewAsync(id), holds, timeout, what);

    public Task<JsonElement> WaitStatusAsync(string id, string status, TimeSpan timeout) =>
        WaitAsync(id, v => v.GetProperty("status").GetString() == status, timeout, $"application {id} reaches {status}");

    public async Task<List<string>> AuditKindsAsync(string id)
    {
        var (_, history) = await GetAsync($"/api/applications/{id}/history", As.Admin);
        return [.. history.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!)];
    }

    async Task<(int, JsonElement)> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = response.Content.Headers.ContentType?.MediaType is { } type && !type.Contains("json", StringComparison.Ordinal)
            ? string.Empty // a download: only the status matters here
            : await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
