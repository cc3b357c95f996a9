using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;

// Builds the year-end report for N synthetic applications and prints time and memory.
//   dotnet run -c Release --project benchmarks/NsclWorkflows.Benchmarks -- [applications=10000] [runs=3] [--validate] [--out file.docx]
//   dotnet NsclWorkflows.Benchmarks.dll export [rows=100000] [xlsx|csv]   (the exports' writers: see ExportBenchmark)
if (args.Length > 0 && args[0] == "export")
{
    ExportBenchmark.Run(args);
    return 0;
}

// Or seeds N open tasks into a local storage for the inbox load test (SeedOpenTasks):
//   dotnet run -c Release --project benchmarks/NsclWorkflows.Benchmarks -- seed-open-tasks [N=10000] [--no-inbox]
if (args is ["seed-open-tasks", ..])
{
    return await NsclWorkflows.Benchmarks.SeedOpenTasks.RunAsync(args);
}

var applications = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
var runs = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
var validate = args.Contains("--validate");
var outIndex = Array.IndexOf(args, "--out");
var outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;

var catalogue = EmbeddedCatalogue.Load();
var (balances, progress) = Synthetic.Make(catalogue, applications);
var builder = new OfficialDocumentBuilder();
Console.WriteLine($"{applications} applications, {progress.Overdue.Count} overdue items, {balances.Count} ledger balances; {Environment.ProcessorCount} cores, {Environment.Version}");
using (var start = Process.GetCurrentProcess())
{
    GC.Collect();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"before the first run (runtime, catalogue, the synthetic applications): working set {start.WorkingSet64 / 1024.0 / 1024:F0} MiB, managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024:F0} MiB"));
}


// As BuildYearEndReportActivity does: the package is written into a temporary file, never into memory whole.
var docxPath = Path.Combine(Path.GetTempPath(), $"nscl-benchmark-{Environment.ProcessId}.docx");
var snapshotPath = Path.Combine(Path.GetTempPath(), $"nscl-benchmark-{Environment.ProcessId}.json");
long docxLength = 0;
for (var run = 1; run <= runs; run++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var total = Stopwatch.StartNew();
    // As GatherYearEndReportActivity does: assemble, then the snapshot's bytes (stored as a blob there, a file here).
    var (assembled, jsonLength) = Gather(catalogue, balances, progress, snapshotPath);
    // As BuildYearEndReportActivity does: the snapshot read as a stream, the package written into a temporary file.
    YearEndReportData restored;
    using (var snapshotFile = File.OpenRead(snapshotPath))
    {
        restored = JsonSerializer.Deserialize<YearEndReportData>(snapshotFile, NsclWorkflows.Workflows.Reports.YearEndReportJson.Options)!;
    }

    var snapshot = total.Elapsed - assembled;
    using (var file = new FileStream(docxPath, FileMode.Create, FileAccess.Write, FileShare.None, 81_920))
    {
        builder.WriteYearEndReport(restored, file);
        docxLength = file.Length;
    }

    var built = total.Elapsed - assembled - snapshot;
    total.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    using var self = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: total {total.Elapsed.TotalMilliseconds:F0} ms (assemble {assembled.TotalMilliseconds:F0}, JSON snapshot written and read {snapshot.TotalMilliseconds:F0} for {jsonLength / 1024.0 / 1024:F2} MiB, Word {built.TotalMilliseconds:F0}); " +
        $"docx {docxLength / 1024.0 / 1024:F2} MiB; allocated {allocated / 1024.0 / 1024:F0} MiB; peak working set so far {self.PeakWorkingSet64 / 1024.0 / 1024:F0} MiB"));
}

if (validate)
{
    var watch = Stopwatch.StartNew();
    using var document = WordprocessingDocument.Open(docxPath, false);
    var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Count();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validation: {errors} errors in {watch.Elapsed.TotalMilliseconds:F0} ms"));
}

if (outPath is not null)
{
    File.Copy(docxPath, outPath, overwrite: true);
    Console.WriteLine("written: " + outPath);
}

File.Delete(docxPath);
File.Delete(snapshotPath);
return 0;

// The gathering activity's part: its objects are garbage once the snapshot is written (not held through the build).
(TimeSpan Assembled, long JsonLength) Gather(ProgrammeCatalogue catalogue, IReadOnlyList<LedgerBalance> balances, ProgrammeProgress progress, string path)
{
    var watch = Stopwatch.StartNew();
    var data = YearEndReportAssembler.Assemble(catalogue, balances, progress, YearEndReportLayout.Default, 2025, new DateOnly(2025, 12, 15));
    var assembledIn = watch.Elapsed;
    var json = JsonSerializer.SerializeToUtf8Bytes(data, NsclWorkflows.Workflows.Reports.YearEndReportJson.Options);
    File.WriteAllBytes(path, json);
    return (assembledIn, json.Length);
}

/// <summary>Deterministic synthetic data: applications spread over years and budget items, Vietnamese names.</summary>
static class Synthetic
{
    static readonly string[] Statuses = ["Đang thực hiện", "Hoàn thành (đạt)", "Chờ đánh giá, nghiệm thu", "Không đạt", "Đã hủy nhiệm vụ"];
    static readonly string[] Names = ["Cơ khí Hòa Khánh", "Thủy sản Thọ Quang", "Dệt may Hòa Thọ", "Nông sản Hòa Tiến", "Điện tử Đà Nẵng", "Thực phẩm Sơn Trà"];

    public static (IReadOnlyList<LedgerBalance> Balances, ProgrammeProgress Progress) Make(ProgrammeCatalogue catalogue, int count)
    {
        var random = new Random(37);
        var items = catalogue.Programme.BudgetLines.SelectMany(g => g.Items).Where(i => i.HasFigures).ToArray();
        var rows = new List<SupportedEnterpriseRow>(count);
        var held = new Dictionary<BudgetKey, (long Reserved, long Committed, long Disbursed)>();
        for (var i = 0; i < count; i++)
        {
            var item = items[random.Next(items.Length)];
            var years = catalogue.Programme.Years.Where(y => item.AmountIn(y) is not null).ToArray();
            var year = years[random.Next(years.Length)];
            var approved = random.Next(20, 300) * 1_000_000L;
            var disbursed = approved * random.Next(0, 11) / 10;
            var key = new BudgetKey(item.Id, year);
            var (res, com, dis) = held.GetValueOrDefault(key);
            held[key] = (res + (approved - disbursed) / 2, com + (approved - disbursed) - (approved - disbursed) / 2, dis + disbursed);
            var code = (401_000_000 + i).ToString(CultureInfo.InvariantCulture);
            rows.Add(new SupportedEnterpriseRow(
                $"app-{i:D6}", $"NSCL-{year}-{i:X6}", $"Công ty TNHH {Names[i % Names.Length]} số {i}", "0" + code,
                $"Áp dụng Lean, 5S và ISO 9001 cho dây chuyền {i % 7 + 1}", item.Id, year, approved, disbursed,
                Statuses[random.Next(Statuses.Length)], IsPilotModel: i % 50 == 0));
        }

        var overdue = rows.Where((_, i) => i % 20 == 0).Select((row, i) => new OverdueItemRow(
            row.TrackingCode, row.EnterpriseName, $"Báo cáo định kỳ lần {i % 4 + 1}", new DateOnly(2025, 11, 1).AddDays(i % 30), i % 25 + 1, "Nguyễn Văn Đức")).ToList();
        var balances = held.Select(h => new LedgerBalance(h.Key, 0, h.Value.Reserved, h.Value.Committed, h.Value.Disbursed)).ToList();
        return (balances, new ProgrammeProgress(rows, overdue, [new("enterprises-supported", rows.Select(r => r.EnterpriseCode).Distinct().Count())]));
    }
}
