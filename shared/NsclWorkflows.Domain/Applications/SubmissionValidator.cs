using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using F = NsclWorkflows.Domain.Applications.SubmissionFields;

namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// Checks a submission field by field and returns either the normalised submission or every reason it was refused.
/// </summary>
public sealed partial class SubmissionValidator(ISupportKindCatalogue catalogue)
{
    /// <summary>Guard against typing errors (an extra zero): no single request may exceed this, whatever the kind.</summary>
    public const long AbsoluteMaximumVnd = 10_000_000_000;

    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    [GeneratedRegex(@"^(\+84|0)\d{8,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    public ValidationResult<ApplicationSubmission> Validate(SubmissionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();

        // The kind decides what else is asked (nominees, who may submit), so it is read first; its errors keep their place.
        var kindErrors = new List<FieldError>();
        SupportKind? kind = null;
        var kindId = Line(draft.SupportKindId, F.SupportKindId, 1, 100, kindErrors);
        if (kindId is not null)
        {
            kind = catalogue.FindKind(kindId);
            if (kind is null)
            {
                kindErrors.Add(new(F.SupportKindId, ErrorCodes.UnknownSupportKind,
                    $"Nội dung hỗ trợ '{kindId}' không có trong danh mục của Chương trình."));
            }
        }

        var organisationType = Organisation(draft.OrganisationType, kind, errors);
        var publicBody = organisationType == OrganisationTypes.PublicBody;
        string? enterpriseCode;
        if (publicBody && string.IsNullOrWhiteSpace(draft.EnterpriseCode))
        {
            // A public body (sở, ban, ngành) has no mã số doanh nghiệp.
            enterpriseCode = string.Empty;
        }
        else
        {
            enterpriseCode = Line(draft.EnterpriseCode, F.EnterpriseCode, 1, 30, errors);
            if (enterpriseCode is not null && !EnterpriseCode.IsValid(enterpriseCode))
            {
                errors.Add(new(F.EnterpriseCode, ErrorCodes.InvalidFormat,
                    "Mã số doanh nghiệp gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số (đơn vị phụ thuộc), ví dụ 0401234567 hoặc 0401234567-001."));
                enterpriseCode = null;
            }
        }

        var enterpriseName = Line(draft.EnterpriseName, F.EnterpriseName, 2, 300, errors);
        var contactName = Line(draft.ContactName, F.ContactName, 2, 100, errors);
        var contactEmail = Email(draft.ContactEmail, errors);
        var phone = Phone(draft.Phone, errors);
        var title = Line(draft.Title, F.Title, 5, 300, errors);
        var summary = Block(draft.Summary, F.Summary, 20, 10_000, errors);
        errors.AddRange(kindErrors);
        var nominees = NomineesOf(draft.Nominees, kind, errors);

        var amount = Amount(draft.RequestedAmountVnd, kind, nominees?.Count ?? draft.Nominees?.Count ?? 0, errors);

        if (errors.Count > 0)
        {
            return ValidationResult<ApplicationSubmission>.Failed(errors);
        }

        return ValidationResult<ApplicationSubmission>.Ok(new ApplicationSubmission(
            enterpriseCode!, enterpriseName!, contactName!, contactEmail!, phone!, kind!.Id, title!, summary!, amount!.Value)
        {
            OrganisationType = publicBody ? OrganisationTypes.PublicBody : null,
            Nominees = nominees,
        });
    }

    /// <summary>Who submits: an enterprise (absent or "enterprise") or, for kinds that nominate persons, a public body.</summary>
    static string? Organisation(string? raw, SupportKind? kind, List<FieldError> errors)
    {
        if (raw is null)
        {
            return OrganisationTypes.Enterprise;
        }

        if (!OrganisationTypes.All.Contains(raw))
        {
            errors.Add(new(F.OrganisationType, ErrorCodes.InvalidFormat,
                $"Loại tổ chức phải là \"{OrganisationTypes.Enterprise}\" (doanh nghiệp) hoặc \"{OrganisationTypes.PublicBody}\" (cơ quan, đơn vị nhà nước)."));
            return null;
        }

        if (raw == OrganisationTypes.PublicBody && kind is { NominatesPersons: false })
        {
            errors.Add(new(F.OrganisationType, ErrorCodes.OutOfRange,
                $"Nội dung \"{kind.Name}\" chỉ hỗ trợ doanh nghiệp; cơ quan, đơn vị nhà nước chỉ đề cử người tham gia đào tạo chuyên gia năng suất."));
            return null;
        }

        return raw;
    }

    /// <summary>The persons nominated: required (1 to <see cref="F.MaxNominees"/>) for a kind that nominates, refused for others.</summary>
    static List<Nominee>? NomineesOf(IReadOnlyList<NomineeDraft>? raw, SupportKind? kind, List<FieldError> errors)
    {
        if (kind is null)
        {
            return null;
        }

        if (!kind.NominatesPersons)
        {
            if (raw is { Count: > 0 })
            {
                errors.Add(new(F.Nominees, ErrorCodes.OutOfRange, $"Nội dung \"{kind.Name}\" không đề cử người; vui lòng bỏ danh sách người được đề cử."));
            }

            return null;
        }

        if (raw is null || raw.Count == 0)
        {
            errors.Add(new(F.Nominees, ErrorCodes.Required, $"Vui lòng nêu ít nhất một người được đề cử tham gia \"{kind.Name}\"."));
            return null;
        }

        if (raw.Count > F.MaxNominees)
        {
            errors.Add(new(F.Nominees, ErrorCodes.TooLong, $"Mỗi hồ sơ đề cử tối đa {F.MaxNominees} người."));
            return null;
        }

        var nominees = new List<Nominee>(raw.Count);
        var before = errors.Count;
        for (var i = 0; i < raw.Count; i++)
        {
            var prefix = $"{F.Nominees}[{i}].";
            var name = Line(raw[i].Name, prefix + F.NomineeName, 2, 100, errors);
            var organisation = Line(raw[i].Organisation, prefix + F.NomineeOrganisation, 2, 300, errors);
            var position = string.IsNullOrWhiteSpace(raw[i].Position) ? null : Line(raw[i].Position, prefix + F.NomineePosition, 2, 100, errors);
            if (name is not null && organisation is not null)
            {
                nominees.Add(new Nominee(name, organisation, position));
            }
        }

        return errors.Count == before ? nominees : null;
    }

    static string? Line(string? raw, string field, int min, int max, List<FieldError> errors)
    {
        if (raw is null || string.IsNullOrWhiteSpace(raw))
        {
            errors.Add(Required(field));
            return null;
        }

        if (TextSafety.Check(raw, field, F.Label(field)) is { } unsafeText)
        {
            errors.Add(unsafeText);
            return null;
        }

        var value = VietnameseText.NormaliseLine(raw);
        return Length(value, field, min, max, errors);
    }

    static string? Block(string? raw, string field, int min, int max, List<FieldError> errors)
    {
        if (raw is null || string.IsNullOrWhiteSpace(raw))
        {
            errors.Add(Required(field));
            return null;
        }

        if (TextSafety.Check(raw, field, F.Label(field)) is { } unsafeText)
        {
            errors.Add(unsafeText);
            return null;
        }

        return Length(VietnameseText.NormaliseBlock(raw), field, min, max, errors);
    }

    static string? Length(string value, string field, int min, int max, List<FieldError> errors)
    {
        var length = new StringInfo(value).LengthInTextElements;
        if (length < min)
        {
            errors.Add(new(field, ErrorCodes.TooShort, $"{F.Label(field)} phải có ít nhất {min} ký tự."));
            return null;
        }

        if (length > max)
        {
            errors.Add(new(field, ErrorCodes.TooLong, $"{F.Label(field)} không được dài quá {max.ToString("N0", Vi)} ký tự."));
            return null;
        }

        return value;
    }

    static string? Email(string? raw, List<FieldError> errors)
    {
        var value = Line(raw, F.ContactEmail, 3, 254, errors);
        if (value is null)
        {
            return null;
        }

        if (!EmailShape().IsMatch(value) || !MailAddress.TryCreate(value, out var address) || address.Address != value)
        {
            errors.Add(new(F.ContactEmail, ErrorCodes.InvalidFormat, "Email liên hệ không đúng định dạng, ví dụ: ten@congty.vn."));
            return null;
        }

        return $"{address.User}@{address.Host.ToLowerInvariant()}";
    }

    static string? Phone(string? raw, List<FieldError> errors)
    {
        var value = Line(raw, F.Phone, 1, 30, errors);
        if (value is null)
        {
            return null;
        }

        var compact = new string(value.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray());
        if (!PhonePattern().IsMatch(compact))
        {
            errors.Add(new(F.Phone, ErrorCodes.InvalidFormat,
                "Số điện thoại không hợp lệ: 9–11 chữ số bắt đầu bằng 0 hoặc +84, ví dụ 0236 3822 000."));
            return null;
        }

        return compact;
    }

    static long? Amount(long? raw, SupportKind? kind, int persons, List<FieldError> errors)
    {
        if (raw is null)
        {
            errors.Add(Required(F.RequestedAmountVnd));
            return null;
        }

        if (raw <= 0)
        {
            errors.Add(new(F.RequestedAmountVnd, ErrorCodes.OutOfRange, "Kinh phí đề nghị hỗ trợ phải lớn hơn 0 đồng."));
            return null;
        }

        if (raw > AbsoluteMaximumVnd)
        {
            errors.Add(new(F.RequestedAmountVnd, ErrorCodes.OutOfRange,
                $"Kinh phí đề nghị hỗ trợ không được vượt quá {AbsoluteMaximumVnd.ToString("N0", Vi)} đồng."));
            return null;
        }

        if (kind?.CapFor(persons) is { } max && raw > max)
        {
            var per = kind.Cap is { Per: CapUnit.Person } cap
                ? $" ({cap.AmountVnd.ToString("N0", Vi)} đồng/người × {Math.Max(1, persons)} người)"
                : string.Empty;
            errors.Add(new(F.RequestedAmountVnd, ErrorCodes.ExceedsKindMaximum,
                $"Mức hỗ trợ tối đa cho nội dung \"{kind.Name}\" là {max.ToString("N0", Vi)} đồng{per}."));
            return null;
        }

        return raw;
    }

    static FieldError Required(string field) =>
        new(field, ErrorCodes.Required, $"Vui lòng nhập {F.Label(field).ToLower(Vi)}.");
}
