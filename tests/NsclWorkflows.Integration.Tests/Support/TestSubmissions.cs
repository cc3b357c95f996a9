using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>Builds submission bodies: a valid one, changed field by field.</summary>
static class TestSubmissions
{
    public static JsonObject Valid() => new()
    {
        ["enterpriseCode"] = "0401234567",
        ["enterpriseName"] = "Công ty TNHH Cơ khí Hòa Khánh",
        ["contactName"] = "Nguyễn Thị Hạnh",
        ["contactEmail"] = "hanh.nguyen@cokhihoakhanh.vn",
        ["phone"] = "0236 3822 000",
        ["supportKindId"] = "productivity-tools",
        ["title"] = "Áp dụng Lean và 5S tại xưởng gia công",
        ["summary"] = "Triển khai 5S và Lean cho hai dây chuyền gia công cơ khí, giảm 20% thời gian chờ.",
        ["requestedAmountVnd"] = 150_000_000,
        ["legalRepresentativeName"] = "Trần Văn Minh",
        ["legalRepresentativePosition"] = "Giám đốc",
        ["address"] = "Lô 12, đường số 3, Khu công nghiệp Hòa Khánh, phường Hòa Khánh",
        ["districtId"] = "lien-chieu",
        ["sectorCode"] = "25",
        ["employees"] = 45,
        ["revenueBandId"] = "tren-10-den-50-ty",
        ["ownContributionVnd"] = 100_000_000,
        ["durationMonths"] = 12,
    };

    public static JsonObject With(string field, JsonNode? value)
    {
        var body = Valid();
        body[field] = value;
        return body;
    }

    public static JsonObject Without(string field)
    {
        var body = Valid();
        body.Remove(field);
        return body;
    }

    public static HttpContent Json(JsonNode body) => Raw(body.ToJsonString(), "application/json");

    public static HttpContent Raw(string text, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    public static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient http, HttpContent content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return ((int)response.StatusCode, body);
    }
}
