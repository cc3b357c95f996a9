using System.Text.Json;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;
using System.Text.Json.Serialization;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>
/// Targets no application counts (the TFP share) in the year-end report: the value an officer entered, with its period,
/// source and date, instead of "Chưa có số liệu"; the document stays schema-valid.
/// </summary>
public sealed class YearEndReportIndicatorTests
{
    /// <summary>As the snapshot is stored (YearEndReportJson in the workflows): camelCase, enums by name.</summary>
    static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    static IReadOnlyList<string> TfpRow(YearEndReportData data, string targetId = "tfp-contribution-2025")
    {
        using var doc = new WordReader(new OfficialDocumentBuilder().BuildYearEndReport(data));
        Assert.Empty(doc.ValidationErrors());
        var targets = doc.Tables().Single(t => t[0].SequenceEqual(["TT", "Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"]));
        var text = YearEndScenario.Catalogue.Programme.Targets.Single(t => t.Id == targetId).Text;
        return targets.Single(r => r[1] == text);
    }

    [Fact]
    public void Build_TfpValueEntered_ShowsTheLatestValueItsPeriodSourceAndDate()
    {
        var row = TfpRow(YearEndScenario.Data());

        Assert.Equal("46,2 % (năm 2025)", row[3]);
        Assert.Equal($"Đạt (nguồn: {YearEndScenario.TfpSource}; nhập ngày 10/12/2025)", row[4]);
    }

    [Fact]
    public void Build_NoValueEntered_SaysNoDataAsBefore()
    {
        var row = TfpRow(YearEndScenario.Data([]));

        Assert.Equal("Chưa có số liệu", row[3]);
        Assert.Equal("Chưa đánh giá", row[4]);
    }

    [Fact]
    public void Build_ValueOfALaterYearOnly_IsNotUsedForThisYearsReport()
    {
        var row = TfpRow(YearEndScenario.Data(), "tfp-contribution-2030");

        Assert.Equal("Chưa có số liệu", row[3]);
    }

    [Fact]
    public void Assemble_EnteredValue_SnapshotRoundTripsWithItsSource()
    {
        var data = YearEndScenario.Data();
        var row = data.Targets.Single(t => t.TargetId == "tfp-contribution-2025");

        var back = JsonSerializer.Deserialize<YearEndReportData>(JsonSerializer.SerializeToUtf8Bytes(data, SnapshotJson), SnapshotJson)!;

        Assert.Equal((46.2m, TargetStatus.Achieved, YearEndScenario.TfpSource, "năm 2025", new DateOnly(2025, 12, 10)), (row.Actual, row.Status, row.Source, row.Period, row.RecordedOn));
        Assert.Equal(row, back.Targets.Single(t => t.TargetId == row.TargetId));
    }
}
