using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Inbox;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Api.Inbox;

/// <summary>
/// The inbox's continuation token: where each of the caller's (unit, role) lists stopped, bound to those lists and to
/// the filter, and signed (HMAC-SHA256 with a key derived from the server's access-link key). Opaque to clients: a token
/// that was altered, forged, made for other lists (another unit, other roles) or another filter does not open.
/// </summary>
public sealed class InboxCursor(IOptions<AccessTokenOptions> options)
{
    const int MaxLength = 8192;
    static readonly byte[] Purpose = Encoding.UTF8.GetBytes("nscl/inbox-cursor/v1");

    public string Protect(IReadOnlyList<InboxScope> scopes, string filter, IReadOnlyDictionary<string, string> positions)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(positions);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(Bind(scopes, filter), positions.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)));
        return $"{Base64Url(payload)}.{Base64Url(Mac(payload))}";
    }

    /// <summary>The positions the token holds, or null when it is not a token this server made for these lists and this filter.</summary>
    public IReadOnlyDictionary<string, string>? Unprotect(string token, IReadOnlyList<InboxScope> scopes, string filter)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(scopes);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxLength || dot <= 0 || FromBase64Url(token[..dot]) is not { } payload || FromBase64Url(token[(dot + 1)..]) is not { } mac
            || !CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
        {
            return null;
        }

        Payload? read;
        try
        {
            read = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        var allowed = scopes.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return read is { Binding: { } binding, Positions: { } positions }
            && binding == Bind(scopes, filter)
            && positions.All(p => allowed.Contains(p.Key) && (p.Value == IInboxReader.End || p.Value.StartsWith("t|", StringComparison.Ordinal) || p.Value.StartsWith("s|", StringComparison.Ordinal)))
            ? positions
            : null;
    }

    static string Bind(IReadOnlyList<InboxScope> scopes, string filter) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", scopes.Select(s => s.Key).Order(StringComparer.Ordinal)) + "\n\n" + filter)));

    byte[] Mac(byte[] payload) => HMACSHA256.HashData(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.SigningKey), Purpose), payload);

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    sealed record Payload(
        [property: System.Text.Json.Serialization.JsonPropertyName("b")] string Binding,
        [property: System.Text.Json.Serialization.JsonPropertyName("p")] Dictionary<string, string> Positions);
}
