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

        var enterpriseCode = Line(draft.EnterpriseCode, F.EnterpriseCode, 1, 30, errors);
        if (enterpriseCode is not null && !EnterpriseCode.IsValid(enterpriseCode))
        {
            errors.Add(new(F.EnterpriseCode, ErrorCodes.InvalidFormat,
                "Mã số doanh nghiệp gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số (đơn vị phụ thuộc), ví dụ 0401234567 hoặc 0401234567-001."));
            enterpriseCode = null;
        }

        var enterpriseName = Line(draft.EnterpriseName, F.EnterpriseName, 2, 300, errors);
        var contactName = Line(draft.ContactName, F.ContactName, 2, 100, errors);
        var contactEmail = Email(draft.ContactEmail, errors);
        var phone = Phone(draft.Phone, errors);
        var title = Line(draft.Title, F.Title, 5, 300, errors);
        var summary = Block(draft.Summary, F.Summary, 20, 10_000, errors);

        SupportKind? kind = null;
        var kindId = Line(draft.SupportKindId, F.SupportKindId, 1, 100, errors);
        if (kindId is not null)
        {
            kind = catalogue.FindKind(kindId);
            if (kind is null)
            {
                errors.Add(new(F.SupportKindId, ErrorCodes.UnknownSupportKind,
                    $"Nội dung hỗ trợ '{kindId}' không có trong danh mục của Chương trình."));
            }
        }

        var amount = Amount(draft.RequestedAmountVnd, kind, errors);

        if (errors.Count > 0)
        {
            return ValidationResult<ApplicationSubmission>.Failed(errors);
        }

        return ValidationResult<ApplicationSubmission>.Ok(new ApplicationSubmission(
            enterpriseCode!, enterpriseName!, contactName!, contactEmail!, phone!, kind!.Id, title!, summary!, amount!.Value));
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

    static long? Amount(long? raw, SupportKind? kind, List<FieldError> errors)
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

        if (kind?.MaxAmountVnd is { } max && raw > max)
        {
            errors.Add(new(F.RequestedAmountVnd, ErrorCodes.ExceedsKindMaximum,
                $"Mức hỗ trợ tối đa cho nội dung \"{kind.Name}\" là {max.ToString("N0", Vi)} đồng."));
            return null;
        }

        return raw;
    }

    static FieldError Required(string field) =>
        new(field, ErrorCodes.Required, $"Vui lòng nhập {F.Label(field).ToLower(Vi)}.");
}
