using System.Net.Mail;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Infrastructure.Email;

/// <summary>
/// One address an e-mail goes to, with the person's name when known and, for an officer, the title the e-mail greets
/// them by ("Trưởng phòng Quản lý khoa học").
/// </summary>
public sealed record Recipient(string Address, string? Name, string? Title = null);

/// <summary>Officers' addresses from <see cref="EmailOptions.Recipients"/>, by the request's unit and the audience's role.</summary>
public sealed class RecipientDirectory(IOptionsMonitor<EmailOptions> options)
{
    /// <summary>
    /// Every address configured for (unit, role of <paramref name="audience"/>), plus those of unit <c>*</c>; duplicates
    /// removed (the unit's own group first). An address written "Họ tên &lt;địa chỉ&gt;" carries the name; the title is
    /// the group's, else the role's usual one.
    /// </summary>
    public IReadOnlyList<Recipient> Officers(string unit, NotificationAudience audience)
    {
        var role = RecipientRoles.For(audience) ?? throw new ArgumentException("The enterprise is not an officer audience.", nameof(audience));
        return options.CurrentValue.Recipients
            .Where(g => string.Equals(g.Role, role, StringComparison.OrdinalIgnoreCase)
                && (g.Unit == "*" || string.Equals(g.Unit.Trim(), unit.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(g => g.Unit == "*" ? 1 : 0)
            .SelectMany(g => g.Addresses.Select(a => Parse(a, string.IsNullOrWhiteSpace(g.Title) ? RecipientRoles.Title(role) : g.Title.Trim())))
            .OfType<Recipient>()
            .DistinctBy(r => r.Address.ToLowerInvariant())
            .ToList();
    }

    /// <summary>Whom the enterprise contacts about a file of <paramref name="unit"/>: the unit's own contact, else that of unit <c>*</c>; null when none.</summary>
    public UnitContact? ContactFor(string unit)
    {
        var contacts = options.CurrentValue.UnitContacts.Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        return contacts.FirstOrDefault(c => string.Equals(c.Unit.Trim(), unit.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? contacts.FirstOrDefault(c => c.Unit.Trim() == "*");
    }

    static Recipient? Parse(string configured, string title)
    {
        var text = configured.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return MailAddress.TryCreate(text, out var address)
            ? new Recipient(address.Address, address.DisplayName.Trim() is { Length: > 0 } name ? name : null, title)
            : new Recipient(text, null, title);
    }
}
