using System.Diagnostics;
using System.Globalization;
using NsclWorkflows.Infrastructure.Exports;

/// <summary>
/// Writes N application-like rows (17 columns: text, amounts, dates, a date and time) through the export writer into a
/// temporary file, as <c>GET /api/exports/applications</c> does, and prints time, file size and peak working set.
///   dotnet NsclWorkflows.Benchmarks.dll export [rows=100000] [xlsx|csv]
/// </summary>
static class ExportBenchmark
{
    public static void Run(string[] args)
    {
        var rows = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var format = args.Length > 2 && args[2] == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx;
        var columns = Enumerable.Range(0, 17).Select(i => new ExportColumn("Cột " + i.ToString(CultureInfo.InvariantCulture), i switch
        {
            8 or 15 => ExportCellKind.Date,
            16 => ExportCellKind.DateTime,
            9 or 10 or 11 or 12 or 13 => ExportCellKind.WholeNumber,
            _ => ExportCellKind.Text,
        })).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"nscl-export-benchmark-{Environment.ProcessId}{TableExportWriter.Extension(format)}");
        var watch = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65_536))
        using (var writer = TableExportWriter.Create(format, file, "Hồ sơ", columns))
        {
            var start = new DateTimeOffset(2023, 1, 1, 8, 0, 0, TimeSpan.FromHours(7));
            for (var i = 0; i < rows; i++)
            {
                writer.WriteRow(
                [
                    $"NSCL-2025-{i:X6}", "0" + (401_000_000 + i).ToString(CultureInfo.InvariantCulture), $"Công ty TNHH Cơ khí Hòa Khánh số {i}",
                    $"Áp dụng Lean, 5S và ISO 9001 cho dây chuyền {i % 7 + 1}", "productivity-tools", "IV.1", "Sở Khoa học và Công nghệ", "Đang thực hiện",
                    DateOnly.FromDateTime(start.AddHours(i).DateTime), 300_000_000L + i, 250_000_000L, 2025, 100_000_000L, 50_000_000L, null,
                    DateOnly.FromDateTime(start.AddDays(30).DateTime), start.AddMinutes(i),
                ]);
            }

            writer.Complete();
        }

        var size = new FileInfo(path).Length;
        File.Delete(path);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format} {rows} rows: {watch.Elapsed.TotalMilliseconds:F0} ms, file {size / 1024.0 / 1024:F1} MiB, allocated {GC.GetTotalAllocatedBytes(true) / 1024.0 / 1024:F0} MiB, peak working set {self.PeakWorkingSet64 / 1024.0 / 1024:F0} MiB"));
    }
}
