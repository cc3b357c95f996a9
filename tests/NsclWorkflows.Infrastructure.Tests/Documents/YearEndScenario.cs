using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>A seeded year: the shipped catalogue, a ledger with money on several items and years, and progress.</summary>
static class YearEndScenario
{
    public static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();

    /// <summary>(line, year, reserved, committed, disbursed) in đồng; odd amounts on purpose (12,5 and 33,333333 million).</summary>
    public static readonly LedgerBalance[] Balances =
    [
        Balance("I.2", 2023, 20_000_000, 0, 40_000_000),
        Balance("I.3", 2022, 0, 0, 120_000_000),
        Balance("I.4", 2024, 0, 15_000_000, 35_000_000),
        Balance("II.1", 2024, 0, 0, 200_000_000),
        Balance("III.1", 2022, 0, 0, 100_000_000),
        Balance("IV.1", 2023, 150_000_000, 300_000_000, 250_000_000),
        Balance("IV.1", 2024, 12_500_000, 0, 0),
        Balance("IV.1", 2025, 0, 145_000_000, 0),
        Balance("V.1", 2025, 33_333_333, 0, 0),
        Balance("V.2", 2025, 0, 0, 100_000_000),
    ];

    public static readonly ProgrammeProgress Progress = new(
        [
            new("app-1", "NSCL-2023-AAAA01", VietnameseSamples.EnterpriseName, "0401234567", "Áp dụng Lean & 5S <dây chuyền A>", "IV.1", 2023, 450_000_000, 250_000_000, "Hoàn thành (đạt)", IsPilotModel: true),
            new("app-2", "NSCL-2023-AAAA02", "Hợp tác xã Nông nghiệp Hòa Tiến", "0401111111", "Truy xuất nguồn gốc rau VietGAP", "IV.1", 2023, 250_000_000, 0, "Đang thực hiện"),
            new("app-3", "NSCL-2025-AAAA03", "Công ty CP Thủy sản Thọ Quang", "0402222222-001", $"ISO 22000; {VietnameseSamples.AllLetters}", "IV.1", 2025, 145_000_000, 0, "Đang thực hiện"),
            new("app-4", "NSCL-2026-AAAA04", "Không tính: năm sau", "0403333333", "Không hiện", "IV.1", 2026, 1, 0, "Chờ phê duyệt"),
        ],
        [new("NSCL-2023-AAAA02", "Hợp tác xã Nông nghiệp Hòa Tiến", "Báo cáo định kỳ lần 2 <trễ>", new DateOnly(2025, 11, 28), 12, VietnameseSamples.PersonName)],
        [new("enterprises-supported", 3), new("pilot-model-enterprises", 1, "Công ty <Cơ khí> & mô hình điểm"), new("experts-certified", 16)]);

    public static readonly DateOnly AsOf = new(2025, 12, 15);

    /// <summary>The TFP share as an officer entered it (corrected once), and a later year's figure the 2025 report must not use.</summary>
    public static readonly IndicatorValue[] Indicators =
    [
        Indicator("a", 44.1m, 2025, "Báo cáo sơ bộ số 3/BC-CTK", new DateTimeOffset(2025, 12, 1, 2, 0, 0, TimeSpan.Zero)),
        Indicator("b", 46.2m, 2025, TfpSource, new DateTimeOffset(2025, 12, 10, 2, 0, 0, TimeSpan.Zero)),
        Indicator("c", 20m, 2026, "Không tính: năm sau", new DateTimeOffset(2025, 12, 11, 2, 0, 0, TimeSpan.Zero), "tfp-contribution-2030"),
    ];

    public const string TfpSource = "Cục Thống kê TP Đà Nẵng, Báo cáo số 12/BC-CTK ngày 08/12/2025 <số liệu sơ bộ & ước tính>";

    public static YearEndReportData Data(IReadOnlyList<IndicatorValue>? indicators = null) =>
        YearEndReportAssembler.Assemble(Catalogue, new FakeBudgetLedger(Balances).GetBalancesAsync(CancellationToken.None).Result, Progress, YearEndReportLayout.Default, 2025, AsOf,
            indicators ?? Indicators);

    static IndicatorValue Indicator(string id, decimal value, int year, string source, DateTimeOffset at, string target = "tfp-contribution-2025") =>
        new(id, target, value, IndicatorPeriod.OfYear(year), source, null, "oid-1", VietnameseSamples.PersonName, at);

    public static YearEndReportData Report() => Data();

    static LedgerBalance Balance(string line, int year, long reserved, long committed, long disbursed) =>
        new(new BudgetKey(line, year), 0, reserved, committed, disbursed);
}
