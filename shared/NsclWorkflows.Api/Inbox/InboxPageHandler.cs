using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Inbox;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Api.Inbox;

/// <summary>
/// <c>GET /api/inbox[?q=&amp;step=&amp;line=&amp;year=&amp;overdue=true&amp;cursor=]</c> (officers): a page of
/// <see cref="PageSize"/> open tasks of my roles in my unit (admins: every unit), overdue first, read as ranges of the
/// inbox (<see cref="IInboxReader"/>), never the whole list. <c>q</c> searches enterprise name, enterprise code and
/// tracking code without regard to diacritics ("hoa khanh" finds "Hòa Khánh"). <c>nextCursor</c>, when present, is the
/// opaque token for the next page with the same filter (<see cref="InboxCursor"/>); a token that does not open is a 400
/// <c>cursor_invalid</c>.
/// </summary>
public sealed class InboxPageHandler(IInboxReader inbox, OfficerAuthenticator officers, InboxCursor cursors, TimeProvider time)
{
    public const int PageSize = 50;
    const int MaxSearchLength = 100;

    public async Task<Results<ApiOk<InboxPageView>, ProblemHttpResult>> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var roles = new[] { OfficerRoles.Officer, OfficerRoles.Appraiser, OfficerRoles.Leader, OfficerRoles.Accountant }.Where(officer.IsIn).ToList();
        var units = officer.IsAdmin ? Units.All : [officer.Unit];
        var scopes = units.SelectMany(u => roles.Select(r => new InboxScope(u, r))).ToList();

        var query = request.Query;
        var step = query["step"].ToString();
        var line = query["line"].ToString();
        var year = int.TryParse(query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var overdue = string.Equals(query["overdue"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var search = query["q"].ToString();
        if (search.Length > MaxSearchLength || (search.Length > 0 && SearchText.Query(search).Length == 0))
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "search_invalid", "Từ khóa tìm kiếm không hợp lệ",
                $"Từ khóa tìm kiếm phải có chữ hoặc số và dài không quá {MaxSearchLength} ký tự.",
                [new Domain.Validation.FieldError("q", "search_invalid", "Nhập tên, mã số doanh nghiệp hoặc mã hồ sơ.")]);
        }

        if (step.Length > 0 && !StatusTable.TaskSteps.Contains(step, StringComparer.Ordinal))
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "step_invalid", "Bước lọc không hợp lệ",
                "Bước xử lý dùng để lọc hộp công việc không có trong quy trình.",
                [new Domain.Validation.FieldError("step", "step_invalid", "Chọn một bước trong danh sách.")]);
        }

        var filterKey = string.Join("\n", step, line, year?.ToString(CultureInfo.InvariantCulture), overdue ? "overdue" : string.Empty, SearchText.Query(search));
        IReadOnlyDictionary<string, string> after = new Dictionary<string, string>();
        if (query["cursor"].ToString() is { Length: > 0 } token)
        {
            if (cursors.Unprotect(token, scopes, filterKey) is not { } positions)
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "cursor_invalid", "Trang tiếp theo không hợp lệ",
                    "Đường dẫn trang tiếp theo không còn dùng được (đã bị sửa, hoặc thuộc bộ lọc hay người dùng khác). Vui lòng tải lại hộp công việc từ trang đầu.");
            }

            after = positions;
        }

        var now = time.GetUtcNow();
        var page = scopes.Count == 0
            ? new InboxPage([], null)
            : await inbox.PageAsync(new InboxPageRequest(scopes, new InboxFilter(step, line, year, overdue, search.Length > 0 ? search : null, now), after, PageSize),
                cancellationToken);
        var items = page.Items
            .Select(i => new InboxItemView(i.ApplicationId, i.TrackingCode, i.EnterpriseName, i.Title, i.Status, StatusText(i.Status), i.Role, i.Step, i.Unit,
                i.SupportKindId, i.BudgetLineId, i.BudgetYear, i.DueUtc, i.DueUtc < now, i.UpdatedAtUtc, i.NotificationFailures, i.DocumentFailures))
            .ToList();
        var next = page.Next is { } n ? cursors.Protect(scopes, filterKey, n) : null;
        return ApiResults.Ok(new InboxPageView(officer.Name, officer.Unit, roles, items.Count, items, next));
    }

    static string StatusText(string status) =>
        Enum.TryParse<ApplicationStatus>(status, out var s) ? ApplicationStatusText.Vietnamese(s) : status;
}

/// <summary>One page of the officer's inbox; <c>nextCursor</c> opens the next page with the same filter.</summary>
public sealed record InboxPageView(string Officer, string Unit, IReadOnlyList<string> Roles, int Count, IReadOnlyList<InboxItemView> Items, string? NextCursor);

/// <summary>One open task: the file, its step and role, when it is due (and whether it is overdue), what failed to be sent or issued.</summary>
public sealed record InboxItemView(string ApplicationId, string TrackingCode, string EnterpriseName, string Title, string Status, string StatusText, string Role,
    string Step, string Unit, string SupportKindId, string BudgetLineId, int? BudgetYear, DateTimeOffset? DueUtc, bool Overdue, DateTimeOffset UpdatedAtUtc,
    int NotificationFailures, int DocumentFailures);
