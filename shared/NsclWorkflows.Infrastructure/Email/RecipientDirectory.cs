using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Infrastructure.Email;

/// <summary>One address an e-mail goes to.</summary>
public sealed record Recipient(string Address, string? Name);

/// <summary>Officers' addresses from <see cref="EmailOptions.Recipients"/>, by the request's unit and the audience's role.</summary>
public sealed class RecipientDirectory(IOptionsMonitor<EmailOptions> options)
{
    /// <summary>Every address configured for (unit, role of <paramref name="audience"/>), plus those of unit <c>*</c>; duplicates removed.</summary>
    public IReadOnlyList<Recipient> Officers(string unit, NotificationAudience audience)
    {
        var role = RecipientRoles.For(audience) ?? throw new ArgumentException("The enterprise is not an officer audience.", nameof(audience));
        return options.CurrentValue.Recipients
            .Where(g => string.Equals(g.Role, role, StringComparison.OrdinalIgnoreCase)
                && (g.Unit == "*" || string.Equals(g.Unit.Trim(), unit.Trim(), StringComparison.OrdinalIgnoreCase)))
            .SelectMany(g => g.Addresses)
            .Select(a => a.Trim())
            .Where(a => a.Length > 0)
            .DistinctBy(a => a.ToLowerInvariant())
            .Select(a => new Recipient(a, null))
            .ToList();
    }
}
