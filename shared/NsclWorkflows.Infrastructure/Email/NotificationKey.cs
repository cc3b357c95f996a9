using System.Security.Cryptography;
using System.Text;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Infrastructure.Email;

/// <summary>
/// Identifies one e-mail: (application, event, occurrence, recipient). Its row in the notifications table is
/// partition = application id, row = <c>{event}-{hash(occurrence)}-{hash(recipient)}</c>; <see cref="MessageKey"/>
/// is the same identity as one opaque string, sent to the provider in <c>custom_args</c> so a message can be traced back.
/// </summary>
public sealed record NotificationKey(string ApplicationId, NotificationEvent Event, string Occurrence, string Recipient)
{
    public string PartitionKey => SafeKey(ApplicationId);

    public string RowKey => $"{Event}-{Hash(Occurrence, 16)}-{RecipientHash}";

    /// <summary>Stands for the recipient in logs (no addresses in logs).</summary>
    public string RecipientHash => Hash(Recipient.ToLowerInvariant(), 16);

    public string MessageKey => Hash($"{ApplicationId}\n{Event}\n{Occurrence}\n{Recipient.ToLowerInvariant()}", 32);

    static string Hash(string value, int hexChars) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..hexChars];

    /// <summary>Table keys may not hold / \ # ? or control characters; application ids never do, other ids are made safe.</summary>
    static string SafeKey(string value) =>
        value.Length > 0 && value.All(c => c is not ('/' or '\\' or '#' or '?') && !char.IsControl(c)) ? value : "x-" + Hash(value, 32);
}
