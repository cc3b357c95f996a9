using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Api;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Local.Durable;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.LifecycleBenchmark;

/// <summary>
/// The benchmark's host: the standalone host's durable backend (sidecar over the Azure Storage provider) and the real
/// composition on its own task hub and table prefix, with e-mail replaced by a counter.
/// </summary>
static class BenchmarkHost
{
    public static string Connection() => Environment.GetEnvironmentVariable("AzureWebJobsStorage")
        ?? throw new InvalidOperationException("Set AzureWebJobsStorage (scripts/benchmark.sh does).");

    public static string RunName() => DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The settings of a run: its own hub and tables; <paramref name="polling"/> is the queues' maximum polling interval.</summary>
    public static Dictionary<string, string?> Settings(string connection, string prefix, TimeSpan polling, TimeSpan workingDay) => new()
    {
        ["AzureWebJobsStorage"] = connection,
        ["Nscl:Durable:TaskHubName"] = prefix,
        ["Nscl:Durable:WorkerId"] = "benchmark",
        ["Nscl:Durable:MaxQueuePollingInterval"] = polling.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Nscl:Storage:TablePrefix"] = prefix,
        ["Nscl:AccessLinks:SigningKey"] = "benchmark-signing-key-0123456789abcdef",
        ["Nscl:Deadlines:CompressedWorkingDay"] = workingDay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Nscl:Auth:Mode"] = "AppService",
        ["Nscl:Email:SendGridApiKey"] = "unused-by-the-benchmark",
        ["Nscl:Email:From"] = "nscl@danang.gov.vn",
        ["Nscl:Email:PublicBaseUrl"] = "http://127.0.0.1:7071",
    };

    /// <summary>The host; <paramref name="countEmails"/>: e-mail replaced by a counter (else the real SendGrid sender, at Nscl:Email:BaseUrl).</summary>
    public static IHost Build(Dictionary<string, string?> settings, bool countEmails = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAzureStorageDurableBackend(builder.Configuration, tasks => tasks.AddNsclWorkflows().AddOrchestrator<PingWorkflow>().AddActivity<PingActivity>());
        builder.Services.AddNsclApplication(builder.Configuration);
        if (countEmails)
        {
            builder.Services.AddSingleton<INotificationService, CountingNotifications>();
        }

        return builder.Build();
    }
}

/// <summary>The lifecycle every benchmark application takes: its submission and the nine actions after the receipt.</summary>
static class LifecycleScript
{
    public static Application NewApplication(int i, ProgrammeCatalogue catalogue, string series = "B")
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var now = DateTimeOffset.UtcNow;
        var id = ApplicationIds.FromRandom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        return new Application(id, $"NSCL-2026-{series}{i:D5}", new ApplicationSubmission("0401234567", $"Công ty {i}", "A", "a@b.vn", "0236",
            "productivity-tools", "Áp dụng 5S", "Benchmark", 3_000_000), catalogue.Version, now, now.AddDays(1));
    }

    /// <summary>The signed decision's scan, stored as each application's attachment before its lifecycle starts.</summary>
    public static readonly byte[] SignedPdf = "%PDF-1.4\n% benchmark\n%%EOF\n"u8.ToArray();

    public const string SignedPdfName = "quyet-dinh-da-ky.pdf";

    /// <summary>
    /// Receipt, completeness, appraisal, approval, the signed decision, two check-ins submitted, accepted and paid, final
    /// report, evaluation, the final payment.
    /// </summary>
    /// <summary>A whole appraisal sheet against the catalogue's rubric (80% of each maximum: a pass).</summary>
    static readonly IReadOnlyList<CriterionScore> PassingSheet =
        [.. EmbeddedCatalogue.Load().Rubrics.Single(r => r.Id == "nscl-tham-dinh").Criteria.Select(c => new CriterionScore(c.Id, c.MaxScore * 0.8m, c.MaxScore))];

    public static readonly (ActionRequest Action, Func<Application, bool> Done)[] Steps =
    [
        (new(LifecycleAction.AcceptCompleteness, "officer", "Officer"), a => a.Status == ApplicationStatus.UnderAppraisal),
        (new(LifecycleAction.SubmitAppraisal, "appraiser", "Appraiser") { Positive = true, AmountVnd = 3_000_000, Scores = PassingSheet },
            a => a.Status == ApplicationStatus.AwaitingApproval),
        (new(LifecycleAction.Approve, "leader", "Leader") { AmountVnd = 3_000_000, BudgetYear = 2025 }, a => a.Status == ApplicationStatus.AwaitingDecisionSigning),
        (new(LifecycleAction.RecordSignedDecision, "leader", "Leader")
            {
                SignedOn = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(NsclWorkflows.Domain.Calendar.DeadlinePlanner.VietnamOffset).DateTime),
                SignerName = "Nguyễn Văn Ký",
                SignerTitle = "Phó Giám đốc",
                SignedFile = SignedPdfName,
            }, a => a.Status == ApplicationStatus.InImplementation),
        (new(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Kỳ 1", PercentDone = 50 }, a => a.Lifecycle.CheckIns[0].Status == CheckInStatus.Submitted),
        (new(LifecycleAction.ReviewCheckIn, "officer", "Officer") { Positive = true }, a => a.Lifecycle.CheckIns[0].Status == CheckInStatus.Accepted),
        (Payment("checkin-1"), a => a.Lifecycle.PayableOf("checkin-1")?.Payment is not null),
        (new(LifecycleAction.SubmitCheckIn, "enterprise", "Enterprise") { Note = "Kỳ 2", PercentDone = 100 }, a => a.Lifecycle.CheckIns[1].Status == CheckInStatus.Submitted),
        (new(LifecycleAction.ReviewCheckIn, "officer", "Officer") { Positive = true }, a => a.Status == ApplicationStatus.AwaitingFinalEvaluation),
        (Payment("checkin-2"), a => a.Lifecycle.PayableOf("checkin-2")?.Payment is not null),
        (new(LifecycleAction.SubmitFinalReport, "enterprise", "Enterprise") { Note = "Xong" }, a => a.Lifecycle.FinalReport is not null),
        (new(LifecycleAction.Evaluate, "leader", "Leader") { Positive = true }, a => a.Status == ApplicationStatus.AwaitingFinalPayment),
        (Payment("final"), a => a.Status == ApplicationStatus.Completed),
    ];

    /// <summary>The accountant's payment of a payable of the 3 million approved: a third each (the final one the rest, also 1 million).</summary>
    static ActionRequest Payment(string payableId) => new(LifecycleAction.RecordPayment, "accountant", "Accountant")
    {
        PayableId = payableId,
        AmountVnd = 1_000_000,
        PaidOn = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(NsclWorkflows.Domain.Calendar.DeadlinePlanner.VietnamOffset).DateTime),
        TreasuryReference = $"KB-{payableId}",
    };
}
