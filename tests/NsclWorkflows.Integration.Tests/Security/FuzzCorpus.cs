using System.Globalization;
using System.Text;
using NsclWorkflows.Api;

namespace NsclWorkflows.Integration.Tests.Security;

/// <summary>One generated request: what to send, and a line that describes it in a failure message.</summary>
public sealed record FuzzRequest(string Endpoint, string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string? ContentType)
{
    public string Describe()
    {
        var headers = string.Join("; ", Headers.Select(h => $"{h.Name}: {Clip(h.Value, 60)}"));
        var body = Body is null ? "(no body)" : Clip(Encoding.UTF8.GetString(Body), 160);
        return $"{Method} {Clip(Path, 160)} [{headers}] {ContentType} {body}";
    }

    static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + $"…({s.Length})";
}

/// <summary>What the corpus may refer to: applications that exist, with their enterprise's access tokens.</summary>
public sealed record FuzzTargets(IReadOnlyList<(string Id, string? Token)> Applications);

/// <summary>
/// Generates requests over every endpoint of <see cref="ApiRoutes.All"/>: hostile text in bodies, headers, path segments,
/// query strings and file names; wrong types, huge and non-finite numbers, broken JSON; every kind of caller. Seeded:
/// the same seed gives the same corpus, so a failure can be replayed.
/// </summary>
public sealed class FuzzCorpus(int seed, FuzzTargets targets)
{
    readonly Random random = new(seed);
    int serial;

    /// <summary>Text an attacker or a careless clerk sends. Lone surrogates and noncharacters included on purpose.</summary>
    public static readonly string[] HostileText =
    [
        "\uFFFF", "Công ty\uFFFE", "\uD800", "x\uDC00y", "Công ty \u202Etxt.exe", "\u2066ẩn\u2069", "\u0000", "\u001B[31mđỏ", "a\u200Bb",
        "\uFEFFBOM", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR 1=1 --", "../../etc/passwd",
        "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "=cmd|' /C calc'!A0", "+SUM(1,1)", "𝕏😀👨‍👩‍👧", "\r\nBcc: x@example.vn",
        "Công ty TNHH Ánh Dương", "", " ", new string('a', 5000), new string('ệ', 2000), "\u00AD", "\u061C", "\uFDD0", "\U0010FFFF",
    ];

    static readonly string[] HostileNumbers =
    [
        "1e400", "-1e400", "1e-400", "-1", "0", "99999999999999999999999999", "1.5", "NaN", "\"150000000\"", "null", "true", "[]", "{}",
        "9223372036854775807", "-9223372036854775808", "1E+2", "0x10",
    ];

    static readonly string[] BrokenBodies =
    [
        "", "{", "[]", "null", "\"x\"", "{\"a\":}", "{\"a\":1,}", "\u0000\u0001\u0002", "{\"a\":\"\\ud800\"}",
        new string('[', 5000) + new string(']', 5000), "{" + string.Join(',', Enumerable.Range(0, 3000).Select(i => $"\"f{i}\":{i}")) + "}",
    ];

    static readonly string[] Actions =
    [
        "accept-completeness", "request-supplementation", "resubmit", "submit-appraisal", "approve", "reject", "submit-check-in",
        "review-check-in", "request-extension", "decide-extension", "submit-final-report", "evaluate", "withdraw", "cancel", "record-signed-decision",
        "retry-documents", "bogus", "APPROVE", "approve%00", "..", "%2e%2e",
    ];

    static readonly string[] Roles = ["Officer", "Appraiser", "Leader", "Admin", "Officer,Appraiser,Leader", "", "Root", "Admin\u202E"];

    static readonly string[] Units = ["skhcn", "sct", "snnptnt", "", "skhcn|Officer", "*", "../x"];

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        var endpoints = ApiRoutes.All;
        for (var i = 0; i < count; i++)
        {
            var endpoint = endpoints[i % endpoints.Count];
            yield return Request(endpoint);
        }
    }

    FuzzRequest Request(ApiEndpoint endpoint)
    {
        var (id, token) = Pick(targets.Applications);
        var path = "/api/" + endpoint.Route
            .Replace("{id}", Chance(0.75) ? id : PathSegment(), StringComparison.Ordinal)
            .Replace("{action}", Chance(0.8) ? Pick(Actions) : PathSegment(), StringComparison.Ordinal)
            .Replace("{year}", Chance(0.5) ? "2026" : Pick(["2021", "2036", "-1", "0", "99999999999", "abc", "2026.5", PathSegment()]), StringComparison.Ordinal)
            .Replace("{kind}", Chance(0.6) ? Pick(["approval-decision", "appraisal-record", "evaluation-minutes", "year-end-report"]) : PathSegment(), StringComparison.Ordinal)
            .Replace("{name}", Chance(0.4) ? "bao-cao.pdf" : PathSegment(), StringComparison.Ordinal)
            .Replace("{targetId}", Chance(0.7) ? Pick(["tfp-contribution-2025", "tfp-contribution-2030", "experts-certified"]) : PathSegment(), StringComparison.Ordinal);
        path += Query();

        var headers = new List<(string, string)>();
        Caller(headers, token);
        byte[]? body = null;
        string? contentType = null;
        if (endpoint.Method == "POST")
        {
            (body, contentType) = endpoint.Name switch
            {
                "SubmitApplication" => Submission(headers),
                "UploadAttachment" => Upload(headers),
                "RecordTargetValue" => Json(IndicatorBody()),
                _ => Json(ActionBody()),
            };
        }

        return new FuzzRequest(endpoint.Name, endpoint.Method, path, headers, body, contentType);
    }

    void Caller(List<(string, string)> headers, string? token)
    {
        switch (random.Next(6))
        {
            case 0:
                break; // anonymous
            case 1:
                headers.Add(("X-Access-Token", token ?? "x"));
                break;
            case 2:
                headers.Add(("X-Access-Token", Chance(0.5) ? Convert.ToBase64String(RandomBytes(32)) : Pick(HostileText)));
                break;
            default:
                var name = Chance(0.7) ? "can.bo.thu.nghiem" : Pick(HostileText);
                headers.Add(("X-Nscl-Dev-Officer", $"{name}; {Pick(Roles)}; {(Chance(0.6) ? "skhcn" : Pick(Units))}"));
                if (Chance(0.85))
                {
                    headers.Add(("X-Requested-With", "nscl"));
                }

                break;
        }

        if (Chance(0.1))
        {
            headers.Add(("X-MS-CLIENT-PRINCIPAL", Chance(0.5) ? "not base64!" : Convert.ToBase64String(Encoding.UTF8.GetBytes(
                "{\"claims\":[{\"typ\":\"name\",\"val\":\"x\"},{\"typ\":\"oid\",\"val\":\"1\"},{\"typ\":\"roles\",\"val\":\"Admin\"}]}"))));
        }
    }

    (byte[], string?) Submission(List<(string, string)> headers)
    {
        var n = Interlocked.Increment(ref serial);
        if (Chance(0.7))
        {
            headers.Add(("Idempotency-Key", Chance(0.9) ? $"fuzz-{seed}-{n}-{random.Next():x8}" : Pick(["abc", new string('k', 500), "ключ-🔑", "key with spaces"])));
        }

        if (Chance(0.12))
        {
            return (Encoding.UTF8.GetBytes(Pick(BrokenBodies)), Pick(["application/json", "text/plain", "application/json; charset=latin1", "multipart/form-data"]));
        }

        var fields = new Dictionary<string, string>
        {
            ["enterpriseCode"] = Text("0401234567"),
            ["enterpriseName"] = Text("Công ty TNHH Cơ khí Hòa Khánh"),
            ["contactName"] = Text("Nguyễn Thị Hạnh"),
            ["contactEmail"] = Text($"fuzz.{seed}.{n}@doanhnghiep.example.vn"),
            ["phone"] = Text("0236 3822 000"),
            ["supportKindId"] = Text(Pick(["productivity-tools", "expert-training", "management-systems", "bogus"])),
            ["title"] = Text("Áp dụng Lean và 5S"),
            ["summary"] = Text("Triển khai 5S và Lean cho hai dây chuyền gia công cơ khí."),
            ["requestedAmountVnd"] = "150000000",
            ["legalRepresentativeName"] = Text("Trần Văn Minh"),
            ["legalRepresentativePosition"] = Text("Giám đốc"),
            ["address"] = Text("Lô 12, đường số 3, Khu công nghiệp Hòa Khánh"),
            ["districtId"] = Text(Pick(["lien-chieu", "hai-chau", "bogus"])),
            ["sectorCode"] = Text(Pick(["25", "10", "00"])),
            ["employees"] = "45",
            ["revenueBandId"] = Text("tren-10-den-50-ty"),
            ["ownContributionVnd"] = "100000000",
            ["durationMonths"] = "12",
        };
        Mutate(fields);
        return Json(fields);
    }

    (byte[], string?) Upload(List<(string, string)> headers)
    {
        if (Chance(0.85))
        {
            headers.Add(("X-File-Name", Pick([
                "bao-cao.pdf", Uri.EscapeDataString("Báo cáo tài chính.pdf"), Uri.EscapeDataString(Pick(HostileText) + ".pdf"), "%FF%FE.pdf", "%", "%E0%A4%A.pdf",
                "..%2F..%2Fetc%2Fpasswd", "a%00b.pdf", new string('x', 600) + ".pdf", "con.pdf", ".pdf", "anh.png", "noextension", "x.exe"])));
        }

        byte[] content = random.Next(5) switch
        {
            0 => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
            1 => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(64)],
            2 => [],
            3 => Encoding.UTF8.GetBytes(Pick(HostileText)),
            _ => RandomBytes(random.Next(1, 4096)),
        };
        return (content, Pick(["application/pdf", "application/octet-stream", "image/png", "text/html", null]));
    }

    Dictionary<string, string> ActionBody()
    {
        var fields = new Dictionary<string, string>
        {
            ["note"] = Text("Đã xem xét."),
            ["missingItems"] = $"[{Text("Báo cáo tài chính 2025")}]",
            ["workingDays"] = "10",
            ["recommendSupport"] = "true",
            ["amountVnd"] = "100000000",
            ["scores"] = $"[{{\"criterion\":{Text("Tính khả thi")},\"score\":8,\"maxScore\":10}}]",
            ["budgetYear"] = "2026",
            ["accepted"] = "true",
            ["granted"] = "true",
            ["passed"] = "true",
            ["percentDone"] = "50",
            ["spentVnd"] = "10000000",
            ["newDueDate"] = Text("2027-03-31"),
            ["reason"] = Text("Doanh nghiệp đề nghị."),
            ["attachments"] = $"[{Text("bao-cao.pdf")}]",
        };
        foreach (var key in fields.Keys.ToList())
        {
            if (Chance(0.35))
            {
                fields.Remove(key);
            }
        }

        Mutate(fields);
        if (Chance(0.08))
        {
            fields.Clear();
            fields["__raw"] = Pick(BrokenBodies);
        }

        return fields;
    }

    /// <summary>An indicator value (POST /api/targets/{targetId}/values), mutated like the others.</summary>
    Dictionary<string, string> IndicatorBody()
    {
        var fields = new Dictionary<string, string>
        {
            ["value"] = Pick(["46.2", "-12.5", "16", "100.001"]),
            ["source"] = Text("Cục Thống kê TP Đà Nẵng, Báo cáo số 12/BC-CTK ngày 15/01/2026"),
            ["note"] = Text("Số liệu chính thức."),
        };
        if (Chance(0.7))
        {
            fields["year"] = Pick(["2025", "2026", "2019", "2031"]);
        }
        else
        {
            fields["from"] = Text(Pick(["2025-01-01", "2025-13-01", "2031-01-01"]));
            fields["to"] = Text(Pick(["2025-06-30", "2024-12-31", "31/12/2025"]));
        }

        Mutate(fields);
        return fields;
    }

    void Mutate(Dictionary<string, string> fields)
    {
        var keys = fields.Keys.ToList();
        for (var m = Chance(0.3) ? 0 : random.Next(1, 4); m > 0 && keys.Count > 0; m--)
        {
            var key = Pick(keys);
            fields[key] = random.Next(4) switch
            {
                0 => Pick(HostileNumbers),
                1 => $"[{Text(Pick(HostileText))},{Pick(HostileNumbers)}]",
                _ => Text(Pick(HostileText)),
            };
        }

        if (Chance(0.1))
        {
            fields[Pick(["unknown", "__proto__", "constructor", "Note", "NOTE"])] = Text(Pick(HostileText));
        }
    }

    static (byte[], string?) Json(Dictionary<string, string> fields)
    {
        if (fields.TryGetValue("__raw", out var raw))
        {
            return (Encoding.UTF8.GetBytes(raw), "application/json");
        }

        var json = "{" + string.Join(',', fields.Select(f => $"{Text(f.Key)}:{f.Value}")) + "}";
        return (Encoding.UTF8.GetBytes(json), "application/json");
    }

    /// <summary>A JSON string literal that escapes everything outside printable ASCII, lone surrogates included.</summary>
    static string Text(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c is < ' ' or > '~' or '"' or '\\' ? sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)) : sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    string PathSegment() => Pick([
        "aaaaaaaaaaaaaaaaaaaaaaaaaa", "..", "%2e%2e", "%00", "%FF", "%EF%BF%BF", "%ED%A0%80", "%E2%80%AE", Uri.EscapeDataString(Pick(HostileText)),
        new string('a', 3000), "con", "%20", "A%2FB", "null", "-1",
    ]);

    string Query()
    {
        if (!Chance(0.3))
        {
            return string.Empty;
        }

        var name = Pick(["year", "version", "step", "line", "access", "next", "page"]);
        var value = Pick(["2026", "-1", "abc", "99999999999", "%FF", "%00", Uri.EscapeDataString(Pick(HostileText)), "1e400", ""]);
        return $"?{name}={value}";
    }

    bool Chance(double p) => random.NextDouble() < p;

    T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes;
    }
}
