using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Lifecycle.Actions;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Councils;

/// <summary>What a leader sends to found a council (all optional in the JSON: the rules say what is missing).</summary>
public sealed record CouncilRequest(
    string? Name, string? Purpose, string? CallId, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionSigner, string? DecisionSignerTitle,
    IReadOnlyList<CouncilMemberRequest>? Members, DateOnly? SessionDueDate);

/// <summary>One member as sent: full name, academic title or position, organisation, e-mail, role (<c>chair</c>, <c>vice-chair</c>, <c>secretary</c>, <c>reviewer</c>, <c>member</c>).</summary>
[System.ComponentModel.Description(CouncilBodyRules.MemberShape)]
public sealed record CouncilMemberRequest(string? FullName, string? Title, string? Organisation, string? Email, string? Role);

/// <summary>
/// The rules of councils, pure: founding one (exactly one chair and one secretary, at least the policy's members),
/// declarations of conflict of interest, score sheets against the kind's rubric, the quorum, closing the session and
/// the result per application (<see cref="AppraisalConclusion"/>, as officers' appraisals conclude). Refusals are
/// field errors: field <c>state</c>, <c>declaration</c> or <c>quorum</c> is a conflict (409), field <c>member</c> a
/// refusal of the person (403), the others bad input (422).
/// </summary>
public static partial class CouncilRules
{
    public const string BelowQuorum = "council_below_quorum";
    public const string Closed = "council_closed";
    public const string AlreadyDeclared = "council_already_declared";
    public const string NotDeclared = "council_not_declared";
    public const string Recused = "council_member_recused";
    public const string NotSecretary = "council_not_secretary";
    public const string SheetsMissing = "council_sheet_missing";
    /// <summary>A file named for an evaluation council is not awaiting its final evaluation (409).</summary>
    public const string FileNotAwaitingEvaluation = "council_file_not_awaiting_evaluation";

    /// <summary>A file named for a council is already in another open council of the same purpose (409).</summary>
    public const string FileInOpenCouncil = "council_file_in_open_council";

    public const int MaxMembers = 25;
    public const int MaxApplications = 50;
    const int MaxLine = 200;

    /// <summary>The wire names of the roles.</summary>
    public static readonly IReadOnlyList<(CouncilRole Role, string Name, string Text)> Roles =
    [
        (CouncilRole.Chair, "chair", "Chủ tịch Hội đồng"),
        (CouncilRole.ViceChair, "vice-chair", "Phó Chủ tịch Hội đồng"),
        (CouncilRole.Secretary, "secretary", "Ủy viên, Thư ký khoa học"),
        (CouncilRole.Reviewer, "reviewer", "Ủy viên phản biện"),
        (CouncilRole.Member, "member", "Ủy viên"),
    ];

    public static string RoleName(CouncilRole role) => Roles.First(r => r.Role == role).Name;

    public static string RoleText(CouncilRole role) => Roles.First(r => r.Role == role).Text;

    /// <summary>The purpose as sent: absent or <c>appraisal</c>, or <c>evaluation</c>; null for anything else.</summary>
    public static CouncilPurpose? ParsePurpose(string? name) => name switch
    {
        null or "appraisal" => CouncilPurpose.Appraisal,
        "evaluation" => CouncilPurpose.Evaluation,
        _ => null,
    };

    public static string PurposeName(CouncilPurpose purpose) => purpose == CouncilPurpose.Evaluation ? "evaluation" : "appraisal";

    /// <summary>
    /// The first of <paramref name="applicationIds"/> already in an open council of <paramref name="purpose"/> among
    /// <paramref name="councils"/> (other than <paramref name="exceptId"/>), with that council; null when none is.
    /// </summary>
    /// <summary>How long a file claimed for a council being founded stays claimed before that council is stored.</summary>
    public static readonly TimeSpan FoundingWindow = TimeSpan.FromMinutes(2);

    /// <summary>Whether <paramref name="council"/> holds <paramref name="applicationId"/> for <paramref name="purpose"/> now (open, that purpose, that file).</summary>
    public static bool Holds(Council council, CouncilPurpose purpose, string applicationId)
    {
        ArgumentNullException.ThrowIfNull(council);
        return council.State == CouncilState.Open && council.Purpose == purpose
            && council.Applications.Any(a => string.Equals(a.ApplicationId, applicationId, StringComparison.Ordinal));
    }

    public static (Council Council, CouncilApplication Application)? OpenCouncilHolding(IEnumerable<Council> councils, CouncilPurpose purpose,
        IEnumerable<string> applicationIds, string? exceptId = null)
    {
        ArgumentNullException.ThrowIfNull(councils);
        ArgumentNullException.ThrowIfNull(applicationIds);
        var ids = applicationIds.ToHashSet(StringComparer.Ordinal);
        foreach (var council in councils.Where(c => c.State == CouncilState.Open && c.Purpose == purpose && c.Id != exceptId))
        {
            if (council.Applications.FirstOrDefault(a => ids.Contains(a.ApplicationId)) is { } held)
            {
                return (council, held);
            }
        }

        return null;
    }

    /// <summary>
    /// A leader revokes a member's link and issues a new one (<paramref name="nonce"/>, <paramref name="tokenHash"/>: the new
    /// link's): the old token no longer opens the page; the member is to be mailed again. Recorded in the council's journal.
    /// </summary>
    public static ValidationResult<Council> Relink(Council council, string memberId, string nonce, string tokenHash, string by, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(council);
        if (council.Member(memberId) is not { } member)
        {
            return Fail("member", "council_unknown_member", "Không có thành viên này trong hội đồng.");
        }

        var relinked = member with { LinkNonce = nonce, TokenHash = tokenHash, MailedAtUtc = null };
        return ValidationResult<Council>.Ok(Note(With(council, relinked), new(nowUtc, "link-revoked",
            $"{by} thu hồi đường dẫn chấm phiếu của {member.FullName} ({RoleText(member.Role)}) và cấp đường dẫn mới; đường dẫn cũ không còn hiệu lực.", false)));
    }

    public static CouncilRole? ParseRole(string? name) => Roles.FirstOrDefault(r => r.Name == name) is { Name: not null } found ? found.Role : null;

    /// <summary>Founds a council for <paramref name="applications"/> (resolved by the caller from their tracking codes).</summary>
    public static ValidationResult<Council> Found(CouncilRequest request, string id, string unit, string createdBy, DateTimeOffset nowUtc, DateOnly today,
        CouncilPolicy policy, IReadOnlyList<CouncilApplication> applications)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(applications);
        var errors = new List<FieldError>();
        var name = Line(request.Name, "name", "Tên hội đồng", required: true, errors);
        var purpose = ParsePurpose(request.Purpose);
        if (purpose is null)
        {
            errors.Add(new("purpose", ErrorCodes.NotInList,
                "Mục đích của hội đồng là \"appraisal\" (tư vấn tuyển chọn, thẩm định) hoặc \"evaluation\" (đánh giá, nghiệm thu)."));
        }

        var callId = Line(request.CallId, "callId", "Mã đợt tuyển chọn", required: false, errors);
        var number = Line(request.DecisionNumber, "decisionNumber", "Số, ký hiệu quyết định thành lập hội đồng", required: true, errors);
        var signer = Line(request.DecisionSigner, "decisionSigner", "Họ tên người ký quyết định", required: true, errors);
        var signerTitle = Line(request.DecisionSignerTitle, "decisionSignerTitle", "Chức vụ người ký quyết định", required: false, errors);
        if (request.DecisionDate is not { } signedOn)
        {
            errors.Add(new("decisionDate", ErrorCodes.Required, "Vui lòng nhập ngày ký quyết định thành lập hội đồng."));
        }
        else if (signedOn > today)
        {
            errors.Add(new("decisionDate", ErrorCodes.OutOfRange, "Ngày ký quyết định thành lập hội đồng không được sau ngày hôm nay."));
        }

        if (request.SessionDueDate is not { } due)
        {
            errors.Add(new("sessionDueDate", ErrorCodes.Required, "Vui lòng nhập hạn họp hội đồng."));
        }
        else if (due < today)
        {
            errors.Add(new("sessionDueDate", ErrorCodes.OutOfRange, "Hạn họp hội đồng không được trước ngày hôm nay."));
        }

        if (applications.Count == 0)
        {
            errors.Add(new("trackingCodes", ErrorCodes.Required, "Vui lòng nêu ít nhất một hồ sơ (mã hồ sơ) hội đồng thẩm định."));
        }
        else if (applications.Count > MaxApplications)
        {
            errors.Add(new("trackingCodes", ErrorCodes.TooLong, $"Một hội đồng thẩm định tối đa {MaxApplications} hồ sơ."));
        }

        var members = new List<CouncilMember>();
        var given = request.Members ?? [];
        if (given.Count < policy.MinimumMembers)
        {
            errors.Add(new("members", ErrorCodes.TooShort, $"Hội đồng cần ít nhất {policy.MinimumMembers:00} thành viên (mặc định của Sở KH&CN)."));
        }
        else if (given.Count > MaxMembers)
        {
            errors.Add(new("members", ErrorCodes.TooLong, $"Hội đồng có tối đa {MaxMembers} thành viên."));
        }

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < given.Count && i < MaxMembers; i++)
        {
            var m = given[i] ?? new CouncilMemberRequest(null, null, null, null, null);
            var at = $"members[{i.ToString(CultureInfo.InvariantCulture)}]";
            var fullName = Line(m.FullName, at + ".fullName", "Họ tên thành viên", required: true, errors);
            var title = Line(m.Title, at + ".title", "Học hàm, học vị, chức vụ", required: false, errors);
            var organisation = Line(m.Organisation, at + ".organisation", "Cơ quan công tác", required: false, errors);
            var email = (m.Email ?? string.Empty).Trim();
            if (email.Length == 0)
            {
                errors.Add(new(at + ".email", ErrorCodes.Required, "Vui lòng nhập e-mail của thành viên (để gửi đường dẫn chấm phiếu)."));
            }
            else if (email.Length > 254 || !EmailPattern().IsMatch(email))
            {
                errors.Add(new(at + ".email", ErrorCodes.InvalidFormat, "E-mail của thành viên không đúng định dạng, ví dụ: ten@coquan.vn."));
            }
            else if (!emails.Add(email))
            {
                errors.Add(new(at + ".email", "duplicate", "Mỗi thành viên cần một e-mail riêng (e-mail này đã có trong danh sách)."));
            }

            var role = ParseRole(m.Role);
            if (role is null)
            {
                errors.Add(new(at + ".role", ErrorCodes.NotInList, "Vai trò là một trong: chair (Chủ tịch), vice-chair (Phó Chủ tịch), secretary (Thư ký khoa học), reviewer (Ủy viên phản biện), member (Ủy viên)."));
            }

            members.Add(new CouncilMember("m" + (i + 1).ToString(CultureInfo.InvariantCulture), fullName ?? string.Empty, title, organisation, email, role ?? CouncilRole.Member));
        }

        if (given.Count >= policy.MinimumMembers && given.All(m => ParseRole(m?.Role) is not null))
        {
            var chairs = members.Count(m => m.Role == CouncilRole.Chair);
            var secretaries = members.Count(m => m.Role == CouncilRole.Secretary);
            if (chairs != 1)
            {
                errors.Add(new("members", "council_one_chair", $"Hội đồng có đúng một Chủ tịch (danh sách có {chairs})."));
            }

            if (secretaries != 1)
            {
                errors.Add(new("members", "council_one_secretary", $"Hội đồng có đúng một Thư ký khoa học (danh sách có {secretaries})."));
            }
        }

        if (errors.Count > 0)
        {
            return ValidationResult<Council>.Failed(errors);
        }

        return ValidationResult<Council>.Ok(new Council
        {
            Id = id,
            Unit = unit,
            Purpose = purpose!.Value,
            Name = name!,
            CallId = callId,
            Decision = new FoundingDecision(number!, request.DecisionDate!.Value, signer!, signerTitle),
            Members = members,
            Applications = [.. applications],
            SessionDueDate = request.SessionDueDate!.Value,
            CreatedBy = createdBy,
            CreatedAtUtc = nowUtc,
            State = CouncilState.Open,
        });
    }

    /// <summary>A member declares no conflict of interest, or recuses (with a reason) from one application or the whole council. Once.</summary>
    public static ValidationResult<Council> Declare(Council council, string memberId, bool hasConflict, string? applicationId, string? reason, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(council);
        var errors = new List<FieldError>();
        if (Refusal(council, memberId) is { } refused)
        {
            return refused;
        }

        var member = council.Member(memberId)!;
        if (member.Declaration is not null)
        {
            return Fail("declaration", AlreadyDeclared, "Thành viên đã kê khai xung đột lợi ích; bản kê khai không sửa được. Đề nghị liên hệ Thư ký hội đồng nếu cần điều chỉnh.");
        }

        var why = hasConflict ? Block(reason, "reason", "Lý do không tham gia đánh giá", errors) : null;
        if (hasConflict && why is null && errors.Count == 0)
        {
            errors.Add(new("reason", ErrorCodes.Required, "Vui lòng nêu lý do xung đột lợi ích (không tham gia đánh giá)."));
        }

        if (applicationId is not null && council.Application(applicationId) is null)
        {
            errors.Add(new("applicationId", ErrorCodes.NotInList, "Hồ sơ này không thuộc hội đồng."));
        }

        if (errors.Count > 0)
        {
            return ValidationResult<Council>.Failed(errors);
        }

        var declared = member with { Declaration = new CouncilDeclaration(hasConflict, hasConflict ? applicationId : null, why, nowUtc) };
        return ValidationResult<Council>.Ok(With(council, declared));
    }

    /// <summary>
    /// A member's score sheet for one application (<paramref name="request"/>: the appraisal body as the API read and
    /// checked it against the application, rubric and cap included). The member must have declared no conflict for it;
    /// every criterion needs a comment. A new sheet replaces the member's earlier one while the council is open.
    /// </summary>
    public static ValidationResult<Council> Score(Council council, string memberId, string applicationId, ActionRequest request, Rubric? rubric, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(request);
        if (Refusal(council, memberId) is { } refused)
        {
            return refused;
        }

        var member = council.Member(memberId)!;
        if (council.Application(applicationId) is null)
        {
            return ValidationResult<Council>.Failed([new("applicationId", ErrorCodes.NotInList, "Hồ sơ này không thuộc hội đồng.")]);
        }

        if (member.Declaration is null)
        {
            return Fail("declaration", NotDeclared, "Thành viên kê khai xung đột lợi ích trước khi chấm phiếu.");
        }

        if (member.RecusedFrom(applicationId))
        {
            return Fail("declaration", Recused, "Thành viên đã kê khai xung đột lợi ích với hồ sơ này nên không chấm phiếu.");
        }

        var scores = request.Scores ?? [];
        var errors = RubricRules.Errors(rubric, scores).ToList();
        if (errors.Count == 0)
        {
            scores = RubricRules.Recorded(rubric, scores);
            errors.AddRange(scores.Where(s => string.IsNullOrWhiteSpace(s.Comment)).Select(s => new FieldError(
                s.CriterionId is { } criterion ? $"scores.{criterion}" : "scores", ErrorCodes.Required, $"Vui lòng ghi nhận xét cho tiêu chí \"{s.Criterion}\".")));
        }

        if (errors.Count > 0)
        {
            return ValidationResult<Council>.Failed(errors);
        }

        var recommends = request.Positive == true;
        var sheet = new CouncilSheet(applicationId, scores, recommends, recommends ? request.AmountVnd ?? 0 : 0, request.Note, nowUtc);
        var scored = member with { Sheets = [.. member.Sheets.Where(s => s.ApplicationId != applicationId), sheet] };
        return ValidationResult<Council>.Ok(With(council, scored));
    }

    /// <summary>The members whose sheet on the application counts: declared no conflict for it and scored it (in the council's order).</summary>
    public static IReadOnlyList<CouncilMember> Counted(Council council, string applicationId)
    {
        ArgumentNullException.ThrowIfNull(council);
        return [.. council.Members.Where(m => m.MayScore(applicationId) && m.SheetFor(applicationId) is not null)];
    }

    /// <summary>The members needed for the council to conclude on an application (of all its members, rounded up).</summary>
    public static int Quorum(Council council, CouncilPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.QuorumOf(council.Members.Count);
    }

    /// <summary>Why the council cannot conclude on the application (Vietnamese), or null when it can.</summary>
    public static string? QuorumProblem(Council council, CouncilApplication application, CouncilPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(application);
        var counted = Counted(council, application.ApplicationId);
        var needed = Quorum(council, policy);
        if (counted.Count < needed)
        {
            return $"Hồ sơ {application.TrackingCode}: mới có {counted.Count}/{council.Members.Count} thành viên không xung đột lợi ích đã chấm phiếu, "
                + $"cần ít nhất {needed} (hai phần ba số thành viên).";
        }

        return counted.Any(m => m.Role is CouncilRole.Chair or CouncilRole.ViceChair)
            ? null
            : $"Hồ sơ {application.TrackingCode}: chưa có phiếu của Chủ tịch hoặc Phó Chủ tịch hội đồng.";
    }

    /// <summary>The council's result on an application from its counted sheets (as officers' appraisals conclude).</summary>
    public static CouncilResult ResultOf(Council council, CouncilApplication application, Rubric? rubric)
    {
        ArgumentNullException.ThrowIfNull(application);
        var counted = Counted(council, application.ApplicationId);
        var sheets = counted.Select(m => m.SheetFor(application.ApplicationId)!).ToList();
        var (outcome, recommended) = AppraisalConclusion.Result(rubric, [.. sheets.Select(s => (s.Scores, s.RecommendsSupport, s.RecommendedAmountVnd))]);
        return new CouncilResult(outcome, recommended, [.. counted.Select(m => m.Id)]);
    }

    /// <summary>
    /// The secretary closes the session with the meeting's start and end: refused below the quorum on any application
    /// (409 <see cref="BelowQuorum"/>); each application's result is computed from its counted sheets.
    /// </summary>
    public static ValidationResult<Council> Close(Council council, string memberId, DateTimeOffset? meetingStartUtc, DateTimeOffset? meetingEndUtc,
        Func<CouncilApplication, Rubric?> rubricOf, CouncilPolicy policy, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(rubricOf);
        if (Refusal(council, memberId) is { } refused)
        {
            return refused;
        }

        if (council.Member(memberId)!.Role != CouncilRole.Secretary)
        {
            return Fail("member", NotSecretary, "Chỉ Thư ký khoa học của hội đồng kết thúc phiên họp.");
        }

        var errors = new List<FieldError>();
        if (meetingStartUtc is not { } start)
        {
            errors.Add(new("meetingStart", ErrorCodes.Required, "Vui lòng nhập thời gian bắt đầu phiên họp."));
        }
        else if (start < council.CreatedAtUtc.AddDays(-1) || start > nowUtc)
        {
            errors.Add(new("meetingStart", ErrorCodes.OutOfRange, "Thời gian bắt đầu phiên họp phải sau khi thành lập hội đồng và không sau thời điểm hiện tại."));
        }

        if (meetingEndUtc is not { } end)
        {
            errors.Add(new("meetingEnd", ErrorCodes.Required, "Vui lòng nhập thời gian kết thúc phiên họp."));
        }
        else if (meetingStartUtc is { } s && end <= s)
        {
            errors.Add(new("meetingEnd", ErrorCodes.OutOfRange, "Thời gian kết thúc phiên họp phải sau thời gian bắt đầu."));
        }
        else if (end > nowUtc.AddMinutes(5))
        {
            errors.Add(new("meetingEnd", ErrorCodes.OutOfRange, "Thời gian kết thúc phiên họp không được sau thời điểm hiện tại."));
        }

        if (errors.Count > 0)
        {
            return ValidationResult<Council>.Failed(errors);
        }

        var problems = council.Applications.Select(a => QuorumProblem(council, a, policy)).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            return Fail("quorum", BelowQuorum, "Hội đồng chưa đủ số thành viên để kết luận: " + string.Join(" ", problems));
        }

        return ValidationResult<Council>.Ok(Note(council with
        {
            State = CouncilState.Closed,
            MeetingStartUtc = meetingStartUtc,
            MeetingEndUtc = meetingEndUtc,
            ClosedBy = council.Member(memberId)!.FullName,
            ClosedAtUtc = nowUtc,
            Applications = [.. council.Applications.Select(a => a with { Result = ResultOf(council, a, rubricOf(a)) })],
        }, new(nowUtc, "closed", "Thư ký hội đồng kết thúc phiên họp; kết quả được chuyển vào từng hồ sơ.", false)));
    }

    /// <summary>Members who still have something to do: not declared, or not scored every application they may score.</summary>
    public static IReadOnlyList<CouncilMember> Pending(Council council)
    {
        ArgumentNullException.ThrowIfNull(council);
        return council.State != CouncilState.Open
            ? []
            : [.. council.Members.Where(m => m.Declaration is null
                || council.Applications.Any(a => m.MayScore(a.ApplicationId) && m.SheetFor(a.ApplicationId) is null))];
    }

    public static Council Note(Council council, CouncilNote note)
    {
        ArgumentNullException.ThrowIfNull(council);
        return council with { Journal = [.. council.Journal, note] };
    }

    /// <summary>SHA-256 (hex) of a member's link token.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    /// <summary>Whether <paramref name="token"/> opens the member's page (compared in constant time).</summary>
    public static bool TokenOpens(CouncilMember member, string? token)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.TokenHash is null || string.IsNullOrEmpty(token))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashToken(token)), Encoding.ASCII.GetBytes(member.TokenHash));
    }

    static ValidationResult<Council>? Refusal(Council council, string memberId)
    {
        if (council.Member(memberId) is null)
        {
            return Fail("member", "council_unknown_member", "Không có thành viên này trong hội đồng.");
        }

        return council.State != CouncilState.Open ? Fail("state", Closed, "Phiên họp của hội đồng đã kết thúc; không thay đổi được phiếu.") : null;
    }

    static ValidationResult<Council> Fail(string field, string code, string message) => ValidationResult<Council>.Failed([new(field, code, message)]);

    static Council With(Council council, CouncilMember member) => council with { Members = [.. council.Members.Select(m => m.Id == member.Id ? member : m)] };

    static string? Line(string? value, string field, string label, bool required, List<FieldError> errors)
    {
        if (TextSafety.Check(value, field, label) is { } unsafeText)
        {
            errors.Add(unsafeText);
            return null;
        }

        var line = VietnameseText.NormaliseLine(value ?? string.Empty);
        if (line.Length == 0)
        {
            if (required)
            {
                errors.Add(new(field, ErrorCodes.Required, $"Vui lòng nhập {label.ToLowerInvariant()}."));
            }

            return null;
        }

        if (line.Length > MaxLine)
        {
            errors.Add(new(field, ErrorCodes.TooLong, $"{label} tối đa {MaxLine} ký tự."));
            return null;
        }

        return line;
    }

    static string? Block(string? value, string field, string label, List<FieldError> errors)
    {
        if (TextSafety.Check(value, field, label) is { } unsafeText)
        {
            errors.Add(unsafeText);
            return null;
        }

        var block = VietnameseText.NormaliseBlock(value ?? string.Empty);
        if (block.Length > BodyRules.MaxText)
        {
            errors.Add(new(field, ErrorCodes.TooLong, $"{label} tối đa {BodyRules.MaxText} ký tự."));
            return null;
        }

        return block.Length == 0 ? null : block;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
