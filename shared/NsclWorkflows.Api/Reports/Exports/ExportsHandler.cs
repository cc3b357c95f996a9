using System.Globalization;
using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Activities;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Infrastructure.Exports;

namespace NsclWorkflows.Api.Reports.Exports;

/// <summary>
/// Excel (<c>?format=xlsx</c>, the default) and CSV (<c>?format=csv</c>) exports for officers, streamed row by row:
/// <list type="bullet">
/// <item><c>GET /api/exports/applications[?status=&amp;unit=&amp;year=&amp;kind=&amp;line=]</c>: applications with their state and amounts.</item>
/// <item><c>GET /api/exports/enterprises[?year=&amp;unit=]</c>: the enterprises supported (every approved task).</item>
/// <item><c>GET /api/exports/ledger[?year=&amp;line=]</c>: balances per item and year (as <c>GET /api/budget</c>).</item>
/// <item><c>GET /api/exports/ledger/movements[?year=&amp;line=]</c>: every ledger movement of those items and years.</item>
/// <item><c>GET /api/exports/activities[?year=&amp;line=]</c>: programme activities with their spending and outputs.</item>
/// <item><c>GET /api/exports/applications/{id}/history</c>: one application's audit trail.</item>
/// </list>
/// Unit rules as everywhere: an officer sees the applications of their unit and the items their unit leads (admins:
/// all); another unit's rows are simply not in the file. No officer: 401 (an enterprise's access link is no officer).
/// A filter that names nothing real is a 422 with the field, never ignored.
/// </summary>
public sealed class ExportsHandler(
    OfficerAuthenticator officers, ProgrammeCatalogue catalogue, IApplicationDirectory directory, IApplicationRepository applications,
    IBudgetLedger ledger, BudgetPlan plan, IActivityRepository activities, TimeProvider time)
{
    static readonly ExportColumn[] ApplicationColumns =
    [
        new("Mã hồ sơ", ExportCellKind.Text, 20),
        new("Mã số doanh nghiệp", ExportCellKind.Text, 16),
        new("Tên doanh nghiệp, tổ chức", ExportCellKind.Text, 40),
        new("Tên nhiệm vụ", ExportCellKind.Text, 45),
        new("Loại hỗ trợ", ExportCellKind.Text, 18),
        new("Nội dung kinh phí", ExportCellKind.Text, 10),
        new("Đơn vị xử lý", ExportCellKind.Text, 28),
        new("Trạng thái", ExportCellKind.Text, 24),
        new("Ngày nộp", ExportCellKind.Date, 12),
        new("Kinh phí đề nghị (đồng)", ExportCellKind.WholeNumber, 18),
        new("Kinh phí đối ứng của doanh nghiệp (đồng)", ExportCellKind.WholeNumber, 18),
        new("Kinh phí lồng ghép từ chương trình, nguồn khác (đồng)", ExportCellKind.WholeNumber, 18),
        new("Chương trình, nguồn kinh phí lồng ghép", ExportCellKind.Text, 40),
        new("Tổng kinh phí thực hiện nhiệm vụ (đồng)", ExportCellKind.WholeNumber, 18),
        new("Kinh phí phê duyệt (đồng)", ExportCellKind.WholeNumber, 18),
        new("Năm kinh phí", ExportCellKind.WholeNumber, 10),
        new("Đã cam kết (đồng)", ExportCellKind.WholeNumber, 18),
        new("Đã giải ngân (đồng)", ExportCellKind.WholeNumber, 18),
        new("Nguồn kinh phí lồng ghép", ExportCellKind.Text, 24),
        new("Hạn bước hiện tại", ExportCellKind.Date, 14),
        new("Cập nhật lúc", ExportCellKind.DateTime, 17),
    ];

    static readonly ExportColumn[] EnterpriseColumns =
    [
        new("Mã số doanh nghiệp", ExportCellKind.Text, 16),
        new("Tên doanh nghiệp, tổ chức", ExportCellKind.Text, 40),
        new("Mã hồ sơ", ExportCellKind.Text, 20),
        new("Tên nhiệm vụ", ExportCellKind.Text, 45),
        new("Loại hỗ trợ", ExportCellKind.Text, 18),
        new("Nội dung kinh phí", ExportCellKind.Text, 10),
        new("Năm kinh phí", ExportCellKind.WholeNumber, 10),
        new("Kinh phí phê duyệt (đồng)", ExportCellKind.WholeNumber, 18),
        new("Đã giải ngân (đồng)", ExportCellKind.WholeNumber, 18),
        new("Kinh phí đối ứng của doanh nghiệp (đồng)", ExportCellKind.WholeNumber, 18),
        new("Kinh phí lồng ghép từ chương trình, nguồn khác (đồng)", ExportCellKind.WholeNumber, 18),
        new("Chương trình, nguồn kinh phí lồng ghép", ExportCellKind.Text, 40),
        new("Tổng kinh phí thực hiện nhiệm vụ (đồng)", ExportCellKind.WholeNumber, 18),
        new("Mô hình điểm", ExportCellKind.Text, 10),
        new("Nguồn kinh phí", ExportCellKind.Text, 24),
        new("Trạng thái", ExportCellKind.Text, 24),
        new("Ngày phê duyệt", ExportCellKind.Date, 12),
        new("Đơn vị xử lý", ExportCellKind.Text, 28),
    ];

    static readonly ExportColumn[] LedgerColumns =
    [
        new("Mục", ExportCellKind.Text, 8),
        new("Nội dung", ExportCellKind.Text, 45),
        new("Năm", ExportCellKind.WholeNumber, 8),
        new("Đơn vị chủ trì", ExportCellKind.Text, 28),
        new("Kế hoạch (đồng)", ExportCellKind.WholeNumber, 18),
        new("Dự toán giao (đồng)", ExportCellKind.WholeNumber, 18),
        new("Nguồn dự toán", ExportCellKind.Text, 14),
        new("Đang tạm giữ (đồng)", ExportCellKind.WholeNumber, 18),
        new("Cam kết chi, chưa giải ngân (đồng)", ExportCellKind.WholeNumber, 18),
        new("Đã giải ngân (đồng)", ExportCellKind.WholeNumber, 18),
        new("Còn lại (đồng)", ExportCellKind.WholeNumber, 18),
    ];

    static readonly ExportColumn[] MovementColumns =
    [
        new("Mục", ExportCellKind.Text, 8),
        new("Năm", ExportCellKind.WholeNumber, 8),
        new("Thời điểm", ExportCellKind.DateTime, 17),
        new("Loại", ExportCellKind.Text, 14),
        new("Số tiền (đồng)", ExportCellKind.WholeNumber, 18),
        new("Hồ sơ, hoạt động", ExportCellKind.Text, 28),
        new("Người thực hiện", ExportCellKind.Text, 24),
        new("Lý do", ExportCellKind.Text, 45),
        new("Mã bút toán", ExportCellKind.Text, 30),
    ];

    static readonly ExportColumn[] HistoryColumns =
    [
        new("Thời điểm", ExportCellKind.DateTime, 17),
        new("Sự kiện", ExportCellKind.Text, 26),
        new("Người thực hiện", ExportCellKind.Text, 24),
        new("Vai trò", ExportCellKind.Text, 12),
        new("Từ trạng thái", ExportCellKind.Text, 24),
        new("Sang trạng thái", ExportCellKind.Text, 24),
        new("Nội dung", ExportCellKind.Text, 60),
    ];

    public IResult Applications(HttpRequest request)
    {
        if (!Begin(request, out var officer, out var format, out var problem))
        {
            return problem!;
        }

        var errors = new List<FieldError>();
        var status = Status(request, errors);
        var unit = Unit(request, errors);
        var year = Year(request, errors);
        var kind = Kind(request, errors);
        var line = Line(request, errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Validation(errors);
        }

        return new ExportResult(Name("Danh sách hồ sơ", year), "Hồ sơ", format, ApplicationColumns, async (writer, ct) =>
        {
            await foreach (var a in directory.AllAsync(ct).ConfigureAwait(false))
            {
                if (!officer!.Covers(a.Lifecycle.Unit)
                    || (status is { } s && a.Status != s)
                    || (unit is not null && a.Lifecycle.Unit != unit)
                    || (year is { } y && YearOf(a) != y)
                    || (kind is not null && a.Submission.SupportKindId != kind)
                    || (line is not null && a.Lifecycle.BudgetLineId != line))
                {
                    continue;
                }

                writer.WriteRow(ApplicationRow(a));
            }
        });
    }

    public IResult Enterprises(HttpRequest request)
    {
        if (!Begin(request, out var officer, out var format, out var problem))
        {
            return problem!;
        }

        var errors = new List<FieldError>();
        var unit = Unit(request, errors);
        var year = Year(request, errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Validation(errors);
        }

        return new ExportResult(Name("Danh sách doanh nghiệp được hỗ trợ", year), "Doanh nghiệp", format, EnterpriseColumns, async (writer, ct) =>
        {
            await foreach (var a in directory.AllAsync(ct).ConfigureAwait(false))
            {
                if (a.Lifecycle.Approval is not { } approval || !officer!.Covers(a.Lifecycle.Unit)
                    || (unit is not null && a.Lifecycle.Unit != unit) || (year is { } y && approval.BudgetYear != y))
                {
                    continue;
                }

                writer.WriteRow(
                [
                    a.Submission.EnterpriseCode, a.Submission.EnterpriseName, a.TrackingCode, a.Submission.Title, a.Submission.SupportKindId,
                    a.Lifecycle.BudgetLineId, approval.BudgetYear, approval.AmountVnd, a.Lifecycle.DisbursedVnd,
                    a.Submission.OwnContributionVnd, a.Submission.CoFundingVnd, CoFundingRules.Describe(a.Submission.CoFunding),
                    a.Submission.TotalCostVnd(approval.AmountVnd), a.Submission.SupportKindId == "pilot-model" ? "Có" : "Không",
                    a.Lifecycle.IntegratedFundingFrom is { } from ? "Lồng ghép: " + from : "Kinh phí Kế hoạch",
                    ApplicationStatusText.Vietnamese(a.Status), Day(approval.AtUtc), Units.Name(a.Lifecycle.Unit),
                ]);
            }
        });
    }

    public async Task<IResult> LedgerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (refusal, format, year, balances) = await LedgerScopeAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        return new ExportResult(Name("Sổ theo dõi kinh phí", year), "Kinh phí", format, LedgerColumns, (writer, _) =>
        {
            foreach (var b in balances)
            {
                writer.WriteRow(
                [
                    b.Key.LineId, catalogue.Programme.FindLine(b.Key.LineId)?.Name ?? string.Empty, b.Key.Year, Units.Name(Units.ForLine(catalogue.Programme, b.Key.LineId)),
                    plan.PlanVnd(b.Key), b.CeilingSource == CeilingSource.None ? null : b.CeilingVnd, CeilingText(b.CeilingSource),
                    b.ReservedVnd, b.CommittedVnd, b.DisbursedVnd, b.RemainingVnd,
                ]);
            }

            return Task.CompletedTask;
        });
    }

    public async Task<IResult> LedgerMovementsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (refusal, format, year, balances) = await LedgerScopeAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        return new ExportResult(Name("Bút toán kinh phí", year), "Bút toán", format, MovementColumns, async (writer, ct) =>
        {
            // One partition query per item and year (a few hundred at most); the entries of one are written as they come.
            foreach (var b in balances)
            {
                foreach (var e in await ledger.GetEntriesAsync(b.Key, ct).ConfigureAwait(false))
                {
                    writer.WriteRow([e.Key.LineId, e.Key.Year, e.AtUtc, MovementText(e.Kind), e.AmountVnd, e.ApplicationId, e.Actor, e.Reason, e.MovementId]);
                }
            }
        });
    }

    public async Task<IResult> ActivitiesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!Begin(request, out var officer, out var format, out var problem))
        {
            return problem!;
        }

        var errors = new List<FieldError>();
        var year = Year(request, errors);
        var line = Line(request, errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Validation(errors);
        }

        var kinds = Enum.GetValues<ActivityOutputKind>();
        ExportColumn[] columns =
        [
            new("Mã hoạt động", ExportCellKind.Text, 22),
            new("Tên hoạt động", ExportCellKind.Text, 45),
            new("Mục", ExportCellKind.Text, 8),
            new("Năm", ExportCellKind.WholeNumber, 8),
            new("Đơn vị chủ trì", ExportCellKind.Text, 28),
            new("Cán bộ phụ trách", ExportCellKind.Text, 24),
            new("Tình trạng", ExportCellKind.Text, 20),
            new("Bắt đầu", ExportCellKind.Date, 12),
            new("Kết thúc", ExportCellKind.Date, 12),
            new("Dự toán (đồng)", ExportCellKind.WholeNumber, 18),
            new("Đã cam kết (đồng)", ExportCellKind.WholeNumber, 18),
            new("Đã giải ngân (đồng)", ExportCellKind.WholeNumber, 18),
            .. kinds.Select(k => new ExportColumn(ActivityText.Kind(k), ExportCellKind.WholeNumber, 16)),
            new("Kết quả dự kiến", ExportCellKind.Text, 40),
        ];
        var list = (await activities.ListAsync(year, line, cancellationToken).ConfigureAwait(false)).Where(a => officer!.Covers(a.LeadUnit)).ToList();
        return new ExportResult(Name("Hoạt động của Kế hoạch", year), "Hoạt động", format, columns, (writer, _) =>
        {
            foreach (var a in list)
            {
                writer.WriteRow(
                [
                    a.Id, a.Title, a.LineId, a.Year, Units.Name(a.LeadUnit), a.Officer.Name, ActivityText.State(a.State), a.PlannedStart, a.PlannedEnd,
                    a.EstimatedCostVnd, a.CommittedVnd, a.DisbursedVnd, .. kinds.Select(k => (object?)a.Quantity(k)), a.ExpectedOutputs,
                ]);
            }

            return Task.CompletedTask;
        });
    }

    public async Task<IResult> HistoryAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!Begin(request, out var officer, out var format, out var problem))
        {
            return problem!;
        }

        var application = ApplicationIds.IsWellFormed(id) ? await applications.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (application is null || !officer!.Covers(application.Lifecycle.Unit))
        {
            return ApiProblem.NotFound("hồ sơ");
        }

        var entries = await applications.ReadAuditAsync(application.Id, cancellationToken).ConfigureAwait(false);
        return new ExportResult($"Lịch sử hồ sơ {application.TrackingCode}", "Lịch sử", format, HistoryColumns, (writer, _) =>
        {
            foreach (var e in entries)
            {
                writer.WriteRow([e.AtUtc, e.Kind, e.Actor, e.Role, StatusText(e.FromStatus), StatusText(e.ToStatus), e.Detail]);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The year an application belongs to: its budget year once approved, else the year it was submitted (Vietnam time).</summary>
    public static int YearOf(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Lifecycle.Approval?.BudgetYear ?? application.SubmittedAtUtc.ToOffset(DeadlinePlanner.VietnamOffset).Year;
    }

    static object?[] ApplicationRow(Application a) =>
    [
        a.TrackingCode, a.Submission.EnterpriseCode, a.Submission.EnterpriseName, a.Submission.Title, a.Submission.SupportKindId, a.Lifecycle.BudgetLineId,
        Units.Name(a.Lifecycle.Unit), ApplicationStatusText.Vietnamese(a.Status), Day(a.SubmittedAtUtc), a.Submission.RequestedAmountVnd,
        a.Submission.OwnContributionVnd, a.Submission.CoFundingVnd, CoFundingRules.Describe(a.Submission.CoFunding),
        a.Submission.TotalCostVnd(a.Lifecycle.Approval?.AmountVnd ?? a.Submission.RequestedAmountVnd), a.Lifecycle.Approval?.AmountVnd, a.Lifecycle.Approval?.BudgetYear, a.Lifecycle.CommittedVnd, a.Lifecycle.DisbursedVnd,
        a.Lifecycle.IntegratedFundingFrom, a.Lifecycle.StepDueUtc is { } due && !LifecycleRules.IsFinal(a.Status) ? Day(due) : null, a.UpdatedAtUtc,
    ];

    /// <summary>As <c>GET /api/budget</c> lists them, limited to the items the officer's unit leads.</summary>
    /// <summary>The ledger exports' common start: the caller, the format, the year and item filters, the balances in scope.</summary>
    async Task<(IResult? Refusal, ExportFormat Format, int? Year, List<LedgerBalance> Balances)> LedgerScopeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!Begin(request, out var officer, out var format, out var problem))
        {
            return (problem!, format, null, []);
        }

        var errors = new List<FieldError>();
        var year = Year(request, errors);
        var line = Line(request, errors);
        if (errors.Count > 0)
        {
            return (ApiProblem.Validation(errors), format, year, []);
        }

        return (null, format, year, await BalancesAsync(officer!, year, line, cancellationToken).ConfigureAwait(false));
    }

    async Task<List<LedgerBalance>> BalancesAsync(Officer officer, int? year, string? line, CancellationToken cancellationToken)
    {
        var balances = (await ledger.GetBalancesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.Key);
        var currentYear = time.GetUtcNow().ToOffset(DeadlinePlanner.VietnamOffset).Year;
        var years = year is { } y ? [y] : balances.Keys.Select(k => k.Year).Append(currentYear).Where(plan.IsAllocationYear).Distinct().ToArray();
        foreach (var key in years.SelectMany(yr => plan.FundedItems.Select(id => new BudgetKey(id, yr))))
        {
            balances.TryAdd(key, new LedgerBalance(key, plan.PlanVnd(key) ?? 0, 0, 0, 0));
        }

        return balances.Values
            .Where(b => year is null || b.Key.Year == year)
            .Where(b => line is null || b.Key.LineId == line)
            .Where(b => officer.Covers(Units.ForLine(catalogue.Programme, b.Key.LineId)))
            .OrderBy(b => b.Key.LineId, StringComparer.Ordinal).ThenBy(b => b.Key.Year)
            .ToList();
    }

    bool Begin(HttpRequest request, out Officer? officer, out ExportFormat format, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        format = ExportFormat.Xlsx;
        problem = null;
        officer = officers.Authenticate(request);
        if (officer is null)
        {
            problem = ApiProblem.Unauthorized();
            return false;
        }

        switch (request.Query["format"].ToString())
        {
            case "" or "xlsx":
                return true;
            case "csv":
                format = ExportFormat.Csv;
                return true;
            default:
                problem = ApiProblem.Validation([new FieldError("format", "invalid_format", "Định dạng phải là xlsx hoặc csv.")]);
                return false;
        }
    }

    static ApplicationStatus? Status(HttpRequest request, List<FieldError> errors)
    {
        var text = request.Query["status"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (Enum.TryParse<ApplicationStatus>(text, ignoreCase: false, out var status) && Enum.IsDefined(status) && !text.Any(char.IsDigit))
        {
            return status;
        }

        errors.Add(new FieldError("status", "unknown_status", "Trạng thái hồ sơ không có trong hệ thống."));
        return null;
    }

    static string? Unit(HttpRequest request, List<FieldError> errors)
    {
        var text = request.Query["unit"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (Units.All.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        errors.Add(new FieldError("unit", "unknown_unit", $"Đơn vị phải là một trong: {string.Join(", ", Units.All)}."));
        return null;
    }

    int? Year(HttpRequest request, List<FieldError> errors)
    {
        var text = request.Query["year"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        var (first, last) = (plan.FirstYear, plan.LastYear);
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= first && y <= last)
        {
            return y;
        }

        errors.Add(new FieldError("year", "invalid_year", $"Năm phải là số từ {first} đến {last}."));
        return null;
    }

    string? Kind(HttpRequest request, List<FieldError> errors)
    {
        var text = request.Query["kind"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (catalogue.FindKind(text) is not null)
        {
            return text;
        }

        errors.Add(new FieldError("kind", "unknown_kind", "Loại hỗ trợ không có trong danh mục."));
        return null;
    }

    string? Line(HttpRequest request, List<FieldError> errors)
    {
        var text = request.Query["line"].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (catalogue.Programme.FindLine(text) is not null)
        {
            return text;
        }

        errors.Add(new FieldError("line", "unknown_line", "Nội dung kinh phí không có trong Kế hoạch."));
        return null;
    }

    static string Name(string what, int? year) => year is { } y ? $"{what} năm {y.ToString(CultureInfo.InvariantCulture)}" : what;

    static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);

    static string? StatusText(string? status) =>
        status is null ? null : Enum.TryParse<ApplicationStatus>(status, out var s) ? ApplicationStatusText.Vietnamese(s) : status;

    static string CeilingText(CeilingSource source) => source switch
    {
        CeilingSource.Recorded => "Dự toán giao",
        CeilingSource.Plan => "Số Kế hoạch",
        _ => "Chưa có",
    };

    static string MovementText(BudgetMovementKind kind) => kind switch
    {
        BudgetMovementKind.Reserve => "Tạm giữ",
        BudgetMovementKind.Release => "Hủy tạm giữ",
        BudgetMovementKind.Commit => "Cam kết chi",
        BudgetMovementKind.Disburse => "Giải ngân",
        BudgetMovementKind.Draw => "Phân bổ từ kinh phí đợt tuyển chọn",
        BudgetMovementKind.Return => "Hoàn về kinh phí đợt tuyển chọn",
        _ => kind.ToString(),
    };
}
