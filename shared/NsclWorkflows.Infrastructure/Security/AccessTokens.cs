using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Security;

/// <summary>
/// The secret an enterprise's access link carries: 256 bits derived (HMAC-SHA256) from a server key, the application
/// id and the link's generation, so the link of the current generation can be built again (an e-mail sent later, an
/// idempotent resubmission answered while its generation is still current) without storing it. Only its SHA-256 hash
/// is stored with the application; revoking a link moves to the next generation, after which the old token's hash no
/// longer matches and nothing builds the old token again. Tokens are never logged.
/// </summary>
public sealed class AccessTokens(IOptions<AccessTokenOptions> options)
{
    /// <summary>The token of <paramref name="generation"/> for an application.</summary>
    public string For(string applicationId, int generation)
    {
        var material = generation == 0 ? "application-access:" + applicationId : $"application-access:{applicationId}:{generation}";
        var mac = HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(material));
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>
    /// The token of the application's current generation, as last issued (what a link sent now must carry; the
    /// application is not changed).
    /// </summary>
    public string Current(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return For(application.Id, application.Lifecycle.AccessGeneration);
    }

    /// <summary>SHA-256 of a token, hex: what is stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Issues the current token of an application and records its hash on it.</summary>
    public string Issue(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var token = Current(application);
        LifecycleUpkeep.UseAccessToken(application, Hash(token));
        return token;
    }

    /// <summary>Whether <paramref name="token"/> opens <paramref name="application"/> (compared in constant time).</summary>
    public bool IsValid(Application application, string? token)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }

        var stored = application.Lifecycle.AccessTokenHash;
        var expected = Encoding.ASCII.GetBytes(stored ?? Hash(For(application.Id, 0)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Hash(token)));
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
}

/// <summary>Settings section <c>Nscl:AccessLinks</c>.</summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Nscl:AccessLinks";

    /// <summary>Server secret for access links (at least 32 characters). From Key Vault in Azure.</summary>
    public string SigningKey { get; set; } = string.Empty;
}
