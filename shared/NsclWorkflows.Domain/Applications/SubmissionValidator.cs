using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using FluentValidation;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using F = NsclWorkflows.Domain.Applications.SubmissionFields;

namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// Checks a submission field by field (FluentValidation rules, in the form's order) and returns either the normalised
/// submission or every reason it was refused, as field errors with the stable codes and Vietnamese messages.
/// </summary>
public sealed partial class SubmissionValidator
{
    /// <summary>Guard against typing errors (an extra zero): no single request may exceed this, whatever the kind.</summary>
    public const long AbsoluteMaximumVnd = 10_000_000_000;

    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Most employees the form accepts (a guard against typing errors).</summary>
    public const int MaxEmployees = 1_000_000;

    readonly ISupportKindCatalogue catalogue;
    readonly ApplicationForm form;
    readonly InlineValidator<SubmissionDraft> rules = new();

    [GeneratedRegex(@"^(\+84|0)\d{8,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    public SubmissionValidator(ISupportKindCatalogue catalogue, ApplicationForm? form = null)
    {
        this.catalogue = catalogue;
        this.form = form ?? ApplicationForm.Shipped;
        rules.RuleFor(d => d.OrganisationType).Cascade(CascadeMode.Stop)
            .Must(raw => raw is null || OrganisationTypes.All.Contains(raw)).WithErrorCode(ErrorCodes.InvalidFormat)
                .WithMessage($"Loại tổ chức phải là \"{OrganisationTypes.Enterprise}\" (doanh nghiệp) hoặc \"{OrganisationTypes.PublicBody}\" (cơ quan, đơn vị nhà nước).")
            .Must((d, raw) => raw != OrganisationTypes.PublicBody || KindOf(d) is not { NominatesPersons: false }).WithErrorCode(ErrorCodes.OutOfRange)
                .WithMessage(d => $"Nội dung \"{KindOf(d)!.Name}\" chỉ hỗ trợ doanh nghiệp; cơ quan, đơn vị nhà nước chỉ đề cử người tham gia đào tạo chuyên gia năng suất.");

        // A public body (sở, ban, ngành) has no mã số doanh nghiệp.
        Line(rules.RuleFor(d => d.EnterpriseCode), F.EnterpriseCode, 1, 30)
            .Must(code => EnterpriseCode.IsValid(VietnameseText.NormaliseLine(code!))).WithErrorCode(ErrorCodes.InvalidFormat)
                .WithMessage("Mã số doanh nghiệp gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số (đơn vị phụ thuộc), ví dụ 0401234567 hoặc 0401234567-001.")
            .When(d => !(IsPublicBody(d) && string.IsNullOrWhiteSpace(d.EnterpriseCode)));
        Line(rules.RuleFor(d => d.EnterpriseName), F.EnterpriseName, 2, 300);
        Line(rules.RuleFor(d => d.ContactName), F.ContactName, 2, 100);
        Line(rules.RuleFor(d => d.ContactEmail), F.ContactEmail, 3, 254)
            .Must(email => EmailOf(email!) is not null).WithErrorCode(ErrorCodes.InvalidFormat).WithMessage("Email liên hệ không đúng định dạng, ví dụ: ten@congty.vn.");
        Line(rules.RuleFor(d => d.Phone), F.Phone, 1, 30)
            .Must(phone => PhonePattern().IsMatch(Compact(phone!))).WithErrorCode(ErrorCodes.InvalidFormat)
                .WithMessage("Số điện thoại không hợp lệ: 9–11 chữ số bắt đầu bằng 0 hoặc +84, ví dụ 0236 3822 000.");
        Line(rules.RuleFor(d => d.Title), F.Title, 5, 300);
        Text(rules.RuleFor(d => d.Summary), F.Summary, 20, 10_000, multiLine: true);
        Line(rules.RuleFor(d => d.SupportKindId), F.SupportKindId, 1, 100)
            .Must((d, _) => KindOf(d) is not null).WithErrorCode(ErrorCodes.UnknownSupportKind)
                .WithMessage((_, id) => $"Nội dung hỗ trợ '{VietnameseText.NormaliseLine(id!)}' không có trong danh mục của Chương trình.");
        Nominees();
        Amount();
        Profile();
        rules.RuleFor(d => d.CoFunding).Custom((drafts, context) =>
        {
            foreach (var error in CoFundingRules.Check(drafts, this.form))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(error.Field, error.Message) { ErrorCode = error.Code });
            }
        });
        rules.RuleFor(d => d.CallId)
            .Must(id => string.IsNullOrWhiteSpace(id) || Calls.CallIds.IsWellFormed(id.Trim())).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage("Mã đợt tuyển chọn không hợp lệ; vui lòng chọn đợt trong danh sách các đợt đang nhận hồ sơ.");
    }

    public ValidationResult<ApplicationSubmission> Validate(SubmissionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = FluentFieldErrors.Of(rules.Validate(draft));
        if (errors.Count > 0)
        {
            return ValidationResult<ApplicationSubmission>.Failed(errors);
        }

        var kind = KindOf(draft)!;
        var publicBody = IsPublicBody(draft);
        return ValidationResult<ApplicationSubmission>.Ok(new ApplicationSubmission(
            publicBody && string.IsNullOrWhiteSpace(draft.EnterpriseCode) ? string.Empty : VietnameseText.NormaliseLine(draft.EnterpriseCode!),
            VietnameseText.NormaliseLine(draft.EnterpriseName!), VietnameseText.NormaliseLine(draft.ContactName!), EmailOf(draft.ContactEmail!)!,
            Compact(draft.Phone!), kind.Id, VietnameseText.NormaliseLine(draft.Title!), VietnameseText.NormaliseBlock(draft.Summary!), draft.RequestedAmountVnd!.Value)
        {
            OrganisationType = publicBody ? OrganisationTypes.PublicBody : null,
            LegalRepresentativeName = VietnameseText.NormaliseLine(draft.LegalRepresentativeName!),
            LegalRepresentativePosition = VietnameseText.NormaliseLine(draft.LegalRepresentativePosition!),
            Address = VietnameseText.NormaliseLine(draft.Address!),
            DistrictId = VietnameseText.NormaliseLine(draft.DistrictId!),
            SectorCode = string.IsNullOrWhiteSpace(draft.SectorCode) ? null : VietnameseText.NormaliseLine(draft.SectorCode),
            Employees = draft.Employees,
            RevenueBandId = string.IsNullOrWhiteSpace(draft.RevenueBandId) ? null : VietnameseText.NormaliseLine(draft.RevenueBandId),
            OwnContributionVnd = draft.OwnContributionVnd!.Value,
            DurationMonths = draft.DurationMonths!.Value,
            CallId = string.IsNullOrWhiteSpace(draft.CallId) ? null : draft.CallId.Trim(),
            CoFunding = CoFundingRules.Normalise(draft.CoFunding, form),
            Nominees = kind.NominatesPersons
                ? [.. draft.Nominees!.Select(n => new Nominee(VietnameseText.NormaliseLine(n.Name!), VietnameseText.NormaliseLine(n.Organisation!),
                    string.IsNullOrWhiteSpace(n.Position) ? null : VietnameseText.NormaliseLine(n.Position)))]
                : null,
        });
    }

    /// <summary>The persons nominated: required (1 to <see cref="F.MaxNominees"/>) for a kind that nominates, refused for others.</summary>
    void Nominees()
    {
        rules.RuleFor(d => d.Nominees).Cascade(CascadeMode.Stop)
            .Must(raw => raw is not { Count: > 0 }).When(d => KindOf(d) is { NominatesPersons: false }, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(ErrorCodes.OutOfRange).WithMessage(d => $"Nội dung \"{KindOf(d)!.Name}\" không đề cử người; vui lòng bỏ danh sách người được đề cử.")
            .Must(raw => raw is { Count: > 0 }).When(d => KindOf(d) is { NominatesPersons: true }, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(ErrorCodes.Required).WithMessage(d => $"Vui lòng nêu ít nhất một người được đề cử tham gia \"{KindOf(d)!.Name}\".")
            .Must(raw => raw is not { Count: > F.MaxNominees }).When(d => KindOf(d) is { NominatesPersons: true }, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(ErrorCodes.TooLong).WithMessage($"Mỗi hồ sơ đề cử tối đa {F.MaxNominees} người.");
        rules.RuleForEach(d => d.Nominees!).ChildRules(nominee =>
        {
            Line(nominee.RuleFor(n => n.Name), F.NomineeName, 2, 100);
            Line(nominee.RuleFor(n => n.Organisation), F.NomineeOrganisation, 2, 300);
            Line(nominee.RuleFor(n => n.Position), F.NomineePosition, 2, 100).When(n => !string.IsNullOrWhiteSpace(n.Position));
        }).When(d => KindOf(d) is { NominatesPersons: true } && d.Nominees is { Count: > 0 and <= F.MaxNominees });
    }

    void Amount()
    {
        const string field = F.RequestedAmountVnd;
        rules.RuleFor(d => d.RequestedAmountVnd).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage(RequiredMessage(field))
            .GreaterThan(0).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("Kinh phí đề nghị hỗ trợ phải lớn hơn 0 đồng.")
            .LessThanOrEqualTo(AbsoluteMaximumVnd).WithErrorCode(ErrorCodes.OutOfRange)
                .WithMessage($"Kinh phí đề nghị hỗ trợ không được vượt quá {AbsoluteMaximumVnd.ToString("N0", Vi)} đồng.")
            .Must((d, raw) => CapOf(d) is not { } max || raw <= max).WithErrorCode(ErrorCodes.ExceedsKindMaximum).WithMessage(d =>
            {
                var (kind, persons) = (KindOf(d)!, d.Nominees?.Count ?? 0);
                var per = kind.Cap is { Per: CapUnit.Person } cap ? $" ({cap.AmountVnd.ToString("N0", Vi)} đồng/người × {Math.Max(1, persons)} người)" : string.Empty;
                return $"Mức hỗ trợ tối đa cho nội dung \"{kind.Name}\" là {CapOf(d)!.Value.ToString("N0", Vi)} đồng{per}.";
            });
    }

    /// <summary>
    /// What the council and the decision need: the legal representative, the head office and its district, the sector
    /// and size (an enterprise's; a public body nominating persons may leave them out), the own contribution and the
    /// duration (within the kind's bounds). Closed lists are <see cref="ApplicationForm"/>'s.
    /// </summary>
    void Profile()
    {
        Line(rules.RuleFor(d => d.LegalRepresentativeName), F.LegalRepresentativeName, 2, 100);
        Line(rules.RuleFor(d => d.LegalRepresentativePosition), F.LegalRepresentativePosition, 2, 100);
        Line(rules.RuleFor(d => d.Address), F.Address, 5, 300);
        Choice(rules.RuleFor(d => d.DistrictId), F.DistrictId, id => form.FindDistrict(id) is not null,
            "Địa bàn phải là một quận, huyện trong danh mục của mẫu hồ sơ.");
        Choice(rules.RuleFor(d => d.SectorCode), F.SectorCode, code => form.FindSector(code) is not null,
            "Ngành kinh tế phải là mã ngành cấp 2 (2 chữ số) của Hệ thống ngành kinh tế Việt Nam (VSIC 2018) trong danh mục, ví dụ 10 (sản xuất, chế biến thực phẩm).")
            .When(d => !(IsPublicBody(d) && string.IsNullOrWhiteSpace(d.SectorCode)));
        Choice(rules.RuleFor(d => d.RevenueBandId), F.RevenueBandId, id => form.FindRevenueBand(id) is not null,
            "Doanh thu năm phải là một khoảng trong danh mục (theo Nghị định 80/2021/NĐ-CP).")
            .When(d => !(IsPublicBody(d) && string.IsNullOrWhiteSpace(d.RevenueBandId)));
        rules.RuleFor(d => d.Employees).Cascade(CascadeMode.Stop)
            .NotNull().When(d => !IsPublicBody(d), ApplyConditionTo.CurrentValidator).WithErrorCode(ErrorCodes.Required).WithMessage(RequiredMessage(F.Employees))
            .InclusiveBetween(0, MaxEmployees).WithErrorCode(ErrorCodes.OutOfRange)
                .WithMessage($"Số lao động phải từ 0 đến {MaxEmployees.ToString("N0", Vi)} người.");
        rules.RuleFor(d => d.OwnContributionVnd).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage($"{RequiredMessage(F.OwnContributionVnd)[..^1]} (nhập 0 nếu không có).")
            .GreaterThanOrEqualTo(0).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("Kinh phí đối ứng của doanh nghiệp không được âm (nhập 0 nếu không có).")
            .LessThanOrEqualTo(AbsoluteMaximumVnd).WithErrorCode(ErrorCodes.OutOfRange)
                .WithMessage($"Kinh phí đối ứng của doanh nghiệp không được vượt quá {AbsoluteMaximumVnd.ToString("N0", Vi)} đồng.");
        rules.RuleFor(d => d.DurationMonths).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage(RequiredMessage(F.DurationMonths))
            .Must((d, months) => months >= DurationOf(d).Min && months <= DurationOf(d).Max).WithErrorCode(ErrorCodes.OutOfRange).WithMessage(d =>
            {
                var range = DurationOf(d);
                var kind = KindOf(d) is SupportKind k ? $" cho nội dung “{k.Name}”" : string.Empty;
                return $"Thời gian thực hiện{kind} từ {range.Min} đến {range.Max} tháng.";
            });
    }

    /// <summary>The duration the chosen kind allows (the default bounds while no known kind is chosen).</summary>
    MonthRange DurationOf(SubmissionDraft d) => KindOf(d) is { } kind ? form.DurationFor(kind.Id) : form.DefaultDuration;

    /// <summary>A value of a closed list: present, safe, and one of the list's ids.</summary>
    static IRuleBuilderOptions<T, string?> Choice<T>(IRuleBuilderInitial<T, string?> rule, string field, Func<string, bool> known, string message) =>
        Text(rule, field, 1, 100, multiLine: false, $"Vui lòng chọn {char.ToLower(F.Label(field)[0], Vi)}{F.Label(field)[1..]}.")
            .Must(raw => known(VietnameseText.NormaliseLine(raw!))).WithErrorCode(ErrorCodes.NotInList).WithMessage(message);

    /// <summary>One line of text: present, safe (<see cref="TextSafety"/>), from <paramref name="min"/> to <paramref name="max"/> characters once normalised.</summary>
    static IRuleBuilderOptions<T, string?> Line<T>(IRuleBuilderInitial<T, string?> rule, string field, int min, int max) => Text(rule, field, min, max, multiLine: false);

    static IRuleBuilderOptions<T, string?> Text<T>(IRuleBuilderInitial<T, string?> rule, string field, int min, int max, bool multiLine, string? requiredMessage = null)
    {
        Func<string?, int> length = raw => new StringInfo(multiLine ? VietnameseText.NormaliseBlock(raw!) : VietnameseText.NormaliseLine(raw!)).LengthInTextElements;
        return rule.Cascade(CascadeMode.Stop)
            .Must(raw => !string.IsNullOrWhiteSpace(raw)).WithErrorCode(ErrorCodes.Required).WithMessage(requiredMessage ?? RequiredMessage(field))
            .Must(TextSafety.IsSafe).WithErrorCode(ErrorCodes.InvalidCharacters).WithMessage((_, raw) => TextSafety.Check(raw, field, F.Label(field))!.Message)
            .Must(raw => length(raw) >= min).WithErrorCode(ErrorCodes.TooShort).WithMessage($"{F.Label(field)} phải có ít nhất {min} ký tự.")
            .Must(raw => length(raw) <= max).WithErrorCode(ErrorCodes.TooLong).WithMessage($"{F.Label(field)} không được dài quá {max.ToString("N0", Vi)} ký tự.");
    }

    SupportKind? KindOf(SubmissionDraft d) =>
        string.IsNullOrWhiteSpace(d.SupportKindId) || !TextSafety.IsSafe(d.SupportKindId) ? null : catalogue.FindKind(VietnameseText.NormaliseLine(d.SupportKindId));

    long? CapOf(SubmissionDraft d) => KindOf(d)?.CapFor(d.Nominees?.Count ?? 0);

    /// <summary>Who submits: an enterprise (absent or "enterprise") or, for kinds that nominate persons, a public body.</summary>
    bool IsPublicBody(SubmissionDraft d) => d.OrganisationType == OrganisationTypes.PublicBody && KindOf(d) is not { NominatesPersons: false };

    /// <summary>The address as recorded (the host in lower case), or null when it is no address.</summary>
    static string? EmailOf(string raw)
    {
        var value = VietnameseText.NormaliseLine(raw);
        return EmailShape().IsMatch(value) && MailAddress.TryCreate(value, out var address) && address.Address == value
            ? $"{address.User}@{address.Host.ToLowerInvariant()}"
            : null;
    }

    static string Compact(string phone) => new([.. VietnameseText.NormaliseLine(phone).Where(c => c is not (' ' or '.' or '-' or '(' or ')'))]);

    static string RequiredMessage(string field) => $"Vui lòng nhập {F.Label(field).ToLower(Vi)}.";
}
