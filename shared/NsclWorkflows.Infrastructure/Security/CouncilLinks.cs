using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Councils;

namespace NsclWorkflows.Infrastructure.Security;

/// <summary>
/// Council members' secret links: HMAC-SHA256 of (council, member, the member's random nonce) under the access-link
/// key (<see cref="AccessTokenOptions.SigningKey"/>), 256 bits, like the enterprises' and lead units' links: the
/// council's workflow e-mails the link without the token being stored or passing through workflow history. Only its
/// SHA-256 is kept on the member; the page sends it in <c>X-Access-Token</c>. Never logged.
/// </summary>
public sealed class CouncilLinks(IOptions<AccessTokenOptions> options) : ICouncilLinks
{
    public string Token(string councilId, string memberId, string nonce)
    {
        var key = options.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(key) || key.Length < 32)
        {
            throw new InvalidOperationException($"Setting {AccessTokenOptions.Section}:SigningKey must hold at least 32 characters.");
        }

        return Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"council-member:{councilId}:{memberId}:{nonce}")));
    }

    public string MemberPage(string councilId, string memberId, string nonce) =>
        $"/hoi-dong/phieu.html#council={Uri.EscapeDataString(councilId)}&member={Uri.EscapeDataString(memberId)}&access={Token(councilId, memberId, nonce)}";
}
