using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NsclWorkflows.Infrastructure.Security;

/// <summary>
/// The secret an enterprise's access link carries: an HMAC of the application id under a server key. Nothing secret
/// is stored per application, the same link can be sent again, and rotating the key revokes every link.
/// </summary>
public sealed class AccessTokens(IOptions<AccessTokenOptions> options)
{
    public string For(string applicationId)
    {
        var mac = HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes("application-access:" + applicationId));
        return Base64Url(mac);
    }

    public bool IsValid(string applicationId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(For(applicationId));
        var given = Encoding.ASCII.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    byte[] Key()
    {
        var key = options.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(key) || key.Length < 32)
        {
            throw new InvalidOperationException($"Setting {AccessTokenOptions.Section}:SigningKey must hold at least 32 characters.");
        }

        return Encoding.UTF8.GetBytes(key);
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Settings section <c>Nscl:AccessLinks</c>.</summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Nscl:AccessLinks";

    /// <summary>Server secret for access links (at least 32 characters). From Key Vault in Azure.</summary>
    public string SigningKey { get; set; } = string.Empty;
}
