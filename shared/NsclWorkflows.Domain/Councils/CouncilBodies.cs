using FluentValidation;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Councils;

/// <summary>A leader founds a council: its name and purpose, the files it appraises (tracking codes), the founding decision, the members, the session's due date.</summary>
public sealed record FoundCouncilBody(
    string? Name, string? Purpose, string? CallId, IReadOnlyList<string>? TrackingCodes, string? DecisionNumber, DateOnly? DecisionDate,
    string? DecisionSigner, string? DecisionSignerTitle, IReadOnlyList<CouncilMemberRequest>? Members, DateOnly? SessionDueDate)
{
    public CouncilRequest ToRequest() =>
        new(Name, Purpose, CallId, DecisionNumber, DecisionDate, DecisionSigner, DecisionSignerTitle, Members ?? [], SessionDueDate);
}

/// <summary>A member's declaration: no conflict of interest (false), or a conflict (true) with the file it concerns (none: the whole council) and why.</summary>
public sealed record CouncilDeclarationBody(bool? HasConflict, string? ApplicationId, string? Reason);

/// <summary>The secretary closes the session: the meeting's start and end (ISO 8601 with the offset, e.g. 2026-04-10T08:30+07:00).</summary>
public sealed record CouncilCloseBody(string? MeetingStart, string? MeetingEnd);

/// <summary>The field rules of council bodies (FluentValidation); the rules that need the council are <see cref="CouncilRules"/>'.</summary>
public static class CouncilBodyRules
{
    public const string MemberShape = "Mỗi thành viên gồm họ tên (fullName), học hàm/chức vụ (title), cơ quan (organisation), e-mail (email) và vai trò (role).";

    public static readonly IValidator<CouncilDeclarationBody> Declaration = DeclarationRules();

    public static readonly IValidator<CouncilCloseBody> Close = CloseRules();

    /// <summary>A meeting time as sent, when it is one (UTC).</summary>
    public static DateTimeOffset? Instant(string? text) =>
        text is { Length: <= 40 } t && t.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : null;

    static InlineValidator<CouncilDeclarationBody> DeclarationRules()
    {
        var rules = new InlineValidator<CouncilDeclarationBody>();
        rules.RuleFor(b => b.HasConflict).NotNull().WithErrorCode(ErrorCodes.Required)
            .WithMessage("Chọn không có xung đột lợi ích (false) hoặc có xung đột, không tham gia đánh giá (true).");
        return rules;
    }

    static InlineValidator<CouncilCloseBody> CloseRules()
    {
        var rules = new InlineValidator<CouncilCloseBody>();
        Time(rules, b => b.MeetingStart, "Vui lòng nhập thời gian bắt đầu phiên họp.");
        Time(rules, b => b.MeetingEnd, "Vui lòng nhập thời gian kết thúc phiên họp.");
        return rules;
    }

    static void Time(InlineValidator<CouncilCloseBody> rules, System.Linq.Expressions.Expression<Func<CouncilCloseBody, string?>> field, string required) =>
        rules.RuleFor(field).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(ErrorCodes.Required).WithMessage(required)
            .Must(t => Instant(t) is not null).WithErrorCode(ErrorCodes.InvalidFormat)
                .WithMessage("Thời gian có dạng năm-tháng-ngàyTgiờ:phút kèm múi giờ (ví dụ 2026-04-10T08:30+07:00).");
}
