using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Documents;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Api.Reports.Exports;
using NsclWorkflows.Domain.Activities;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Targets;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;
using NsclWorkflows.Infrastructure.Exports;

namespace NsclWorkflows.Api.Reports.Feed;

/// <summary>
/// <c>GET /api/feeds/national/v1[?year=][&amp;format=json|csv&amp;section=tasks|enterprises|experts|indicators]</c>
/// (officers; unit rules as for the exports): the feed for the national NSCL database (Kế hoạch III.3.đ), schema
/// <c>docs/schemas/nscl-feed.v1.schema.json</c> (version 1; fields are only ever added within a version). Stable
/// identifiers: the enterprise code (mã số doanh nghiệp, with its branch suffix), the task id (the tracking code),
/// the indicator id (the catalogue's target id), the budget line id; statuses as stable English codes beside their
/// Vietnamese text; money in đồng (VND); the period it covers. JSON is written as it is read into a temporary file;
/// CSV gives one section per file with the JSON property names as headers.
/// </summary>
public sealed class NationalFeedHandler(
    OfficerAuthenticator officers, ProgrammeCatalogue catalogue, IApplicationDirectory directory, IIndicatorValueStore indicators,
    IActivityRepository activities, BudgetPlan plan, TimeProvider time)
{
    public const string SchemaVersion = "1.0";
    public const string SchemaId = "https://nscl.danang.gov.vn/schemas/nscl-feed.v1.schema.json";
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Đà Nẵng's code in the national list of administrative units (mã đơn vị hành chính cấp tỉnh).</summary>
    public const string ProvinceCode = "48";

    static readonly string[] Sections = ["tasks", "enterprises", "experts", "indicators"];

    public IResult Handle(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (officers.Authenticate(request) is not { } officer)
        {
            return ApiProblem.Unauthorized();
        }

        var errors = new List<FieldError>();
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv"))
        {
            errors.Add(new FieldError("format", "invalid_format", "Định dạng phải là json hoặc csv."));
        }

        var section = request.Query["section"].ToString();
        if (format == "csv" && !Sections.Contains(section, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("section", "invalid_section", $"Tệp CSV có một phần: section phải là một trong {string.Join(", ", Sections)}."));
        }

        var currentYear = time.GetUtcNow().ToOffset(DeadlinePlanner.VietnamOffset).Year;
        var (from, to) = (plan.FirstYear, Math.Max(currentYear, catalogue.Programme.Years.Max()));
        var yearText = request.Query["year"].ToString();
        if (yearText.Length > 0)
        {
            if (yearText.Length == 4 && int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && plan.IsAllocationYear(y))
            {
                (from, to) = (y, y);
            }
            else
            {
                errors.Add(new FieldError("year", "invalid_year", $"Năm phải là số từ {plan.FirstYear} đến {plan.LastYear}."));
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Validation(errors);
        }

        var period = new FeedPeriod(from, to);
        if (format == "csv")
        {
            return Csv(officer, period, section);
        }

        return new FeedResult($"nscl-feed-v1-{from}-{to}.json", (stream, ct) => WriteJsonAsync(stream, officer, period, ct));
    }

    /// <summary>The whole feed as JSON (schema v1) into <paramref name="destination"/>.</summary>
    public async Task WriteJsonAsync(Stream destination, Officer officer, FeedPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(period);
        await using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaId);
        json.WriteString("schemaVersion", SchemaVersion);
        json.WriteString("generatedAtUtc", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStartObject("source");
        json.WriteString("provinceCode", ProvinceCode);
        json.WriteString("province", "Thành phố Đà Nẵng");
        json.WriteString("agency", "Sở Khoa học và Công nghệ thành phố Đà Nẵng");
        json.WriteString("programmeId", catalogue.Programme.Id);
        json.WriteString("programmeReference", YearEndReportAssembler.ProgrammeReference(catalogue.Programme));
        json.WriteString("scope", officer.IsAdmin ? "all" : officer.Unit);
        json.WriteEndObject();
        json.WriteStartObject("period");
        json.WriteString("from", $"{period.From.ToString(CultureInfo.InvariantCulture)}-01-01");
        json.WriteString("to", $"{period.To.ToString(CultureInfo.InvariantCulture)}-12-31");
        json.WriteString("label", period.Label);
        json.WriteEndObject();
        json.WriteStartObject("units");
        json.WriteString("money", "VND");
        json.WriteString("dates", "ISO 8601, Vietnam time (UTC+07:00)");
        json.WriteEndObject();

        var enterprises = new SortedDictionary<string, FeedEnterprise>(StringComparer.Ordinal);
        var experts = new List<object?[]>();
        json.WriteStartArray("tasks");
        await foreach (var a in Tasks(officer, period, cancellationToken).ConfigureAwait(false))
        {
            var task = TaskRow(a);
            json.WriteStartObject();
            for (var i = 0; i < TaskFields.Length; i++)
            {
                Write(json, TaskFields[i], task[i]);
            }

            json.WriteEndObject();
            Collect(a, enterprises, experts);
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndArray();
        WriteArray(json, "enterprises", EnterpriseFields, enterprises.Values.Select(e => e.Row()));
        WriteArray(json, "experts", ExpertFields, experts);
        WriteArray(json, "indicators", IndicatorFields, await IndicatorsAsync(period, cancellationToken).ConfigureAwait(false));
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    static readonly string[] TaskFields =
    [
        "taskId", "applicationId", "enterpriseCode", "organisationType", "organisationName", "title", "supportKindId", "budgetLineId", "leadUnit",
        "budgetYear", "approvedOn", "approvedVnd", "committedVnd", "disbursedVnd", "status", "statusText", "isPilotModel", "fundingSource", "integratedFundingFrom",
        "ownContributionVnd", "coFundingVnd", "coFundingSources", "totalCostVnd",
    ];

    static readonly string[] EnterpriseFields = ["enterpriseCode", "name", "tasks", "approvedVnd", "disbursedVnd", "firstBudgetYear", "hasPilotModel"];

    static readonly string[] ExpertFields = ["taskId", "name", "organisation", "position", "certified", "budgetYear"];

    static readonly string[] IndicatorFields =
    [
        "indicatorId", "text", "unit", "comparison", "targetValue", "targetYear", "measuredBy", "value", "pending", "met", "valuePeriod", "valueSource",
    ];

    ExportResult Csv(Officer officer, FeedPeriod period, string section)
    {
        var fields = section switch
        {
            "tasks" => TaskFields,
            "enterprises" => EnterpriseFields,
            "experts" => ExpertFields,
            _ => IndicatorFields,
        };
        var columns = fields.Select(f => new ExportColumn(f, KindOf(f))).ToArray();
        return new ExportResult($"nscl-feed-v1-{section}-{period.From}-{period.To}", section, ExportFormat.Csv, columns, async (writer, ct) =>
        {
            if (section == "indicators")
            {
                foreach (var row in await IndicatorsAsync(period, ct).ConfigureAwait(false))
                {
                    writer.WriteRow(row.Select(Plain).ToArray());
                }

                return;
            }

            var enterprises = new SortedDictionary<string, FeedEnterprise>(StringComparer.Ordinal);
            var experts = new List<object?[]>();
            await foreach (var a in Tasks(officer, period, ct).ConfigureAwait(false))
            {
                if (section == "tasks")
                {
                    writer.WriteRow(TaskRow(a).Select(Plain).ToArray());
                }
                else
                {
                    Collect(a, enterprises, experts);
                }
            }

            foreach (var row in section == "enterprises" ? enterprises.Values.Select(e => e.Row()) : section == "experts" ? experts : [])
            {
                writer.WriteRow(row.Select(Plain).ToArray());
            }
        });

        static ExportCellKind KindOf(string field) => field switch
        {
            "budgetYear" or "approvedVnd" or "committedVnd" or "disbursedVnd" or "tasks" or "firstBudgetYear" or "targetYear" or "coFundingVnd" or "totalCostVnd"
                => ExportCellKind.WholeNumber,
            "targetValue" or "value" or "pending" => ExportCellKind.Fraction,
            _ => ExportCellKind.Text,
        };

        // CSV for machines: booleans as true/false, dates ISO.
        static object? Plain(object? value) => value switch
        {
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    async IAsyncEnumerable<Application> Tasks(Officer officer, FeedPeriod period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var a in directory.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (a.Lifecycle.Approval is { } approval && officer.Covers(a.Lifecycle.Unit) && approval.BudgetYear >= period.From && approval.BudgetYear <= period.To)
            {
                yield return a;
            }
        }
    }

    static object?[] TaskRow(Application a)
    {
        var approval = a.Lifecycle.Approval!;
        return
        [
            a.TrackingCode, a.Id, a.Submission.EnterpriseCode.Length == 0 ? null : a.Submission.EnterpriseCode,
            a.Submission.IsPublicBody ? OrganisationTypes.PublicBody : OrganisationTypes.Enterprise,
            Clean(a.Submission.EnterpriseName), Clean(a.Submission.Title), a.Submission.SupportKindId, a.Lifecycle.BudgetLineId, a.Lifecycle.Unit,
            approval.BudgetYear, DateOnly.FromDateTime(approval.AtUtc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime), approval.AmountVnd,
            a.Lifecycle.CommittedVnd, a.Lifecycle.DisbursedVnd, a.Status.ToString(), ApplicationStatusText.Vietnamese(a.Status),
            a.Submission.SupportKindId == "pilot-model", a.Lifecycle.IntegratedFundingFrom is null ? "plan" : "integrated", a.Lifecycle.IntegratedFundingFrom,
            a.Submission.OwnContributionVnd, a.Submission.CoFundingVnd,
            a.Submission.CoFunding is { Count: > 0 } coFunding ? Clean(CoFundingRules.Describe(coFunding)) : null, a.Submission.TotalCostVnd(approval.AmountVnd),
        ];
    }

    static void Collect(Application a, SortedDictionary<string, FeedEnterprise> enterprises, List<object?[]> experts)
    {
        var approval = a.Lifecycle.Approval!;
        var code = a.Submission.EnterpriseCode;
        if (code.Length > 0 && !a.Submission.IsPublicBody)
        {
            if (!enterprises.TryGetValue(code, out var e))
            {
                enterprises[code] = e = new FeedEnterprise(code, Clean(a.Submission.EnterpriseName), approval.BudgetYear);
            }

            e.Add(approval.AmountVnd, a.Lifecycle.DisbursedVnd, approval.BudgetYear, a.Submission.SupportKindId == "pilot-model");
        }

        foreach (var nominee in a.Submission.Nominees ?? [])
        {
            experts.Add([a.TrackingCode, Clean(nominee.Name), Clean(nominee.Organisation), nominee.Position is null ? null : Clean(nominee.Position),
                a.Status == ApplicationStatus.Completed, approval.BudgetYear]);
        }
    }

    async Task<List<object?[]>> IndicatorsAsync(FeedPeriod period, CancellationToken cancellationToken)
    {
        // Programme-wide figures, as GET /api/targets shows them to every officer, as of the period's last year.
        var records = new List<TargetRecord>();
        await foreach (var a in directory.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(TargetRecord.Of(a));
        }

        var entered = await indicators.AllAsync(cancellationToken).ConfigureAwait(false);
        var activityList = await activities.ListAsync(null, null, cancellationToken).ConfigureAwait(false);
        return TargetProgressCalculator.Calculate(catalogue, records, period.To, activityList).Select(p =>
        {
            var value = IndicatorValueRules.Current(entered, p.Target, period.To);
            var byEntry = !p.Measured && value is not null;
            var achieved = p.Measured ? p.Achieved : byEntry ? value!.Value : (decimal?)null;
            return new object?[]
            {
                p.Target.Id, Clean(p.Target.Text), p.Target.Unit, p.Target.Comparison == TargetComparison.GreaterThan ? "greaterThan" : "atLeast",
                p.Target.Value, p.Target.ByYear, p.Measured ? "counted" : byEntry ? "entered" : "none", achieved, p.Measured ? p.Pending : null,
                p.Measured ? p.Met : byEntry ? IndicatorValueRules.Reaches(p.Target, value!.Value) : null,
                value?.Period.Label, value is null ? null : Clean(value.Source),
            };
        }).ToList();
    }

    static void WriteArray(Utf8JsonWriter json, string name, string[] fields, IEnumerable<object?[]> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < fields.Length; i++)
            {
                Write(json, fields[i], row[i]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    static void Write(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case string s:
                json.WriteString(name, s);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case decimal d:
                json.WriteNumber(name, d);
                break;
            case DateOnly day:
                json.WriteString(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    static string Clean(string text) => TextSafety.Clean(text, multiLine: true);

    sealed class FeedEnterprise(string code, string name, int firstYear)
    {
        int tasks;
        long approved;
        long disbursed;
        int first = firstYear;
        bool pilot;

        public void Add(long approvedVnd, long disbursedVnd, int year, bool isPilot)
        {
            tasks++;
            approved += approvedVnd;
            disbursed += disbursedVnd;
            first = Math.Min(first, year);
            pilot |= isPilot;
        }

        public object?[] Row() => [code, name, tasks, approved, disbursed, first, pilot];
    }
}

/// <summary>The years a feed covers (whole calendar years).</summary>
public sealed record FeedPeriod(int From, int To)
{
    public string Label => From == To
        ? "năm " + From.ToString(CultureInfo.InvariantCulture)
        : $"từ năm {From.ToString(CultureInfo.InvariantCulture)} đến năm {To.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>The JSON feed as a download, written into a temporary file first (a failure half-way is a clean error).</summary>
public sealed class FeedResult(string fileName, Func<Stream, CancellationToken, Task> write) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var cancellationToken = httpContext.RequestAborted;
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "nscl-feed-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 65_536, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file, cancellationToken).ConfigureAwait(false);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = NationalFeedHandler.ContentType;
        response.ContentLength = file.Length;
        response.Headers.ContentDisposition = ContentDisposition.Attachment(fileName);
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        file.Position = 0;
        await file.CopyToAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }
}
