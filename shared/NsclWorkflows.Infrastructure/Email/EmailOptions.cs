using System.Net.Mail;
using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Infrastructure.Email;

/// <summary>Settings section <c>Nscl:Email</c> (environment variables <c>Nscl__Email__…</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Nscl:Email";

    /// <summary>The SendGrid API key (a secret: Key Vault reference in Azure). The local capture endpoint accepts any non-empty key.</summary>
    public string SendGridApiKey { get; set; } = string.Empty;

    /// <summary>Sender address, verified in SendGrid (single sender or an authenticated domain).</summary>
    public string From { get; set; } = string.Empty;

    public string FromName { get; set; } = "Sở Khoa học và Công nghệ Đà Nẵng – Chương trình NSCL";

    /// <summary>
    /// The SendGrid API base address; the client posts to <c>{BaseUrl}/v3/mail/send</c>. The standalone host in
    /// Development defaults it to its own capture endpoint (<c>http://127.0.0.1:7071/dev/sendgrid</c>).
    /// </summary>
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";

    /// <summary>Where people open the system: links in e-mails are made absolute with it.</summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>How long one call to the provider may take before it counts as a (retried) timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Officers' addresses by (unit, role). Unit <c>*</c> matches every unit.</summary>
    public List<RecipientGroup> Recipients { get; set; } = [];

    /// <summary>
    /// Whom an enterprise contacts about its file, by the unit handling it (unit <c>*</c>: every unit without its own):
    /// shown at the foot of every e-mail to the enterprise. Nothing is shown for a unit without one.
    /// </summary>
    public List<UnitContact> UnitContacts { get; set; } = [];

    /// <summary>Every problem with these settings (empty when usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(SendGridApiKey))
        {
            problems.Add($"{Section}:SendGridApiKey is required.");
        }

        if (!MailAddress.TryCreate(From, out _))
        {
            problems.Add($"{Section}:From must be an e-mail address.");
        }

        if (!IsHttpUrl(BaseUrl))
        {
            problems.Add($"{Section}:BaseUrl must be an absolute http(s) address.");
        }

        if (!IsHttpUrl(PublicBaseUrl))
        {
            problems.Add($"{Section}:PublicBaseUrl must be an absolute http(s) address.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:Timeout must be positive.");
        }

        for (var i = 0; i < Recipients.Count; i++)
        {
            var group = Recipients[i];
            if (string.IsNullOrWhiteSpace(group.Unit))
            {
                problems.Add($"{Section}:Recipients:{i}:Unit is required ('*' for every unit).");
            }

            if (!RecipientRoles.All.Contains(group.Role, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{Section}:Recipients:{i}:Role must be one of {string.Join(", ", RecipientRoles.All)}.");
            }

            problems.AddRange(group.Addresses.Where(a => !ConfiguredAddress.TryParse(a, out _, out _))
                .Select(a => $"{Section}:Recipients:{i}:Addresses holds '{a}', which is not an e-mail address."));
        }

        for (var i = 0; i < UnitContacts.Count; i++)
        {
            var contact = UnitContacts[i];
            if (string.IsNullOrWhiteSpace(contact.Unit))
            {
                problems.Add($"{Section}:UnitContacts:{i}:Unit is required ('*' for every unit).");
            }

            if (string.IsNullOrWhiteSpace(contact.Name))
            {
                problems.Add($"{Section}:UnitContacts:{i}:Name is required (the officer's or the division's name).");
            }

            if (!string.IsNullOrWhiteSpace(contact.Email) && !MailAddress.TryCreate(contact.Email.Trim(), out _))
            {
                problems.Add($"{Section}:UnitContacts:{i}:Email '{contact.Email}' is not an e-mail address.");
            }
        }

        return problems;
    }

    public Uri PublicBase => new(PublicBaseUrl.TrimEnd('/') + "/");

    static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>
/// The officers of one unit who hold one role, e.g. <c>{ "Unit": "skhcn", "Role": "HeadOfDivision", "Title": "Trưởng phòng
/// Quản lý khoa học", "Addresses": [ "Nguyễn Văn An &lt;an.nv@danang.gov.vn&gt;" ] }</c>. An address written with the
/// person's name is greeted by name; <see cref="Title"/> (optional) replaces the role's usual title in the greeting.
/// </summary>
public sealed class RecipientGroup
{
    public string Unit { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    /// <summary>How the e-mails greet these officers ("Kính gửi: …"); empty: the role's usual title (<see cref="RecipientRoles.Title"/>).</summary>
    public string Title { get; set; } = string.Empty;

    public List<string> Addresses { get; set; } = [];
}

/// <summary>Whom an enterprise contacts about a file of <see cref="Unit"/>: a name (an officer or the division), a phone number, an address.</summary>
public sealed class UnitContact
{
    public string Unit { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;
}

/// <summary>Officer roles that receive e-mail, and the audience each serves.</summary>
public static class RecipientRoles
{
    public const string Officer = "Officer";
    public const string Appraiser = "Appraiser";
    public const string Leader = "Leader";
    public const string HeadOfDivision = "HeadOfDivision";

    /// <summary>A lead unit's mailbox for report requests (Unit = its id: ttkn, vienktxh, sct, snnptnt).</summary>
    public const string LeadUnit = "LeadUnit";

    /// <summary>The Director's office (Văn phòng Sở): overdue approvals are escalated there.</summary>
    public const string DirectorsOffice = "DirectorsOffice";

    /// <summary>The unit's accountants (kế toán): payable tranches are reminded to them.</summary>
    public const string Accountant = "Accountant";

    public static readonly IReadOnlyList<string> All = [Officer, Appraiser, Leader, HeadOfDivision, LeadUnit, DirectorsOffice, Accountant];

    /// <summary>How the e-mails greet an officer of <paramref name="role"/> when the group sets no title ("Kính gửi: …").</summary>
    public static string Title(string role) => role switch
    {
        Officer => "Chuyên viên phụ trách hồ sơ",
        Appraiser => "Cán bộ thẩm định hồ sơ",
        Leader => "Lãnh đạo Sở",
        HeadOfDivision => "Trưởng phòng phụ trách Chương trình NSCL",
        DirectorsOffice => "Chánh Văn phòng Sở",
        LeadUnit => "Thủ trưởng đơn vị",
        Accountant => "Kế toán",
        _ => "Cán bộ phụ trách",
    };

    /// <summary>The configured role of an officer audience; null for <see cref="NotificationAudience.Enterprise"/>.</summary>
    public static string? For(NotificationAudience audience) => audience switch
    {
        NotificationAudience.Officers => Officer,
        NotificationAudience.Appraisers => Appraiser,
        NotificationAudience.Leaders => Leader,
        NotificationAudience.HeadOfDivision => HeadOfDivision,
        NotificationAudience.LeadUnit => LeadUnit,
        NotificationAudience.DirectorsOffice => DirectorsOffice,
        NotificationAudience.Accountants => Accountant,
        NotificationAudience.Enterprise or NotificationAudience.CouncilMember => null,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };
}
