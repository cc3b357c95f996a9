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

        return ConfiguredAddress.TryParse(text, out var address, out var name)
            ? new Recipient(address, name, title)
            : new Recipient(text, null, title);
    }
}

/// <summary>A configured officer's address: <c>an.nv@danang.gov.vn</c>, or with the person's name, <c>Nguyễn Văn An &lt;an.nv@danang.gov.vn&gt;</c>.</summary>
public static partial class ConfiguredAddress
{
    /// <summary>The address and the name (null when none is written); false when the address is not an e-mail address.</summary>
    public static bool TryParse(string configured, out string address, out string? name)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var text = configured.Trim();
        var named = Named().Match(text);
        var bare = named.Success ? named.Groups["address"].Value.Trim() : text;
        name = named.Success ? named.Groups["name"].Value.Trim().Trim('"').Trim() : null;
        if (name is { Length: 0 })
        {
            name = null;
        }

        address = bare;
        return bare.Length > 0 && MailAddress.TryCreate(bare, out var parsed) && parsed.DisplayName.Length == 0 && parsed.Address == bare;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<name>[^<>]*)<(?<address>[^<>]+)>$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Named();
}
