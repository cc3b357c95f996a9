using Microsoft.Extensions.Options;
using NsclWorkflows.Infrastructure.Security;

namespace NsclWorkflows.Infrastructure.Tests.Security;

/// <summary>
/// Access tokens are base64url (RFC 4648 §5, no padding) of an HMAC: links already e-mailed and hashes already stored
/// must keep matching, so the encoding may change in code but never in output.
/// </summary>
public sealed class AccessTokensTests
{
    static readonly AccessTokens Tokens = new(Options.Create(new AccessTokenOptions { SigningKey = new string('k', 32) }));

    [Theory]
    // Vectors computed outside .NET (Python: urlsafe_b64encode(hmac_sha256(key, material)).rstrip("=")).
    [InlineData(0, "6v1Qemeei8L9zScfcW2riYivzze7JN6seeKEtVehNWM")]
    [InlineData(3, "6mF5AZTdnoDIS7MDHfY7625KM4kryXAM-LpSXwjIBNE")]
    public void For_KnownKeyAndGeneration_IsUnpaddedBase64UrlOfTheHmac(int generation, string expected)
    {
        Assert.Equal(expected, Tokens.For("NSCL-2025-0001", generation));
    }
}
