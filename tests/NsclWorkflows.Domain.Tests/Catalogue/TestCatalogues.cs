using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Domain.Tests.Catalogue;

/// <summary>A small, consistent catalogue; tests break one rule by replacing one line of it.</summary>
internal static class TestCatalogues
{
    public const string ItemOne = """{ "id": "I.1", "name": "Mục 1", "amounts": { "2022": 10, "2023": 20 }, "printedTotal": 30 }""";
    public const string ItemTwo = """{ "id": "I.2", "name": "Mục 2", "amounts": { "2022": 5, "2023": 15 }, "printedTotal": 20 }""";
    public const string TotalRow = """{ "id": "total", "name": "Tổng cộng", "amounts": { "2022": 15, "2023": 135 }, "printedTotal": 150 }""";
    public const string Kind = """{ "id": "k1", "name": "Loại 1", "budgetLineId": "I.1", "maxAmountVnd": 20000000 }""";
    public const string NoAcknowledgements = "\"acknowledgedMismatches\": []";

    public const string Valid = $$"""
        {
          "version": "test.1",
          "programme": { "id": "T/KH", "title": "Kế hoạch thử", "issuedBy": "UBND" },
          "budget": {
            "years": [2022, 2023],
            "lines": [
              { "id": "I", "name": "Nhóm I", "amounts": { "2022": 15, "2023": 35 }, "printedTotal": 50, "items": [
                {{ItemOne}},
                {{ItemTwo}},
                { "id": "I.3", "name": "Mục lồng ghép", "fundingNote": "Nguồn khác", "amounts": { "2022": null }, "printedTotal": null }
              ] },
              { "id": "II", "name": "Nhóm II", "amounts": { "2023": 100 }, "printedTotal": 100, "items": [
                { "id": "II.1", "name": "Mục II.1", "amounts": { "2022": null, "2023": 100 }, "printedTotal": 100 }
              ] }
            ],
            "printedTotalRow": {{TotalRow}}
          },
          "targets": [ { "id": "t1", "text": "Ít nhất 15 doanh nghiệp", "comparison": "atLeast", "value": 15, "unit": "doanh nghiệp", "byYear": 2025, "budgetLineId": "II.1" } ],
          {{NoAcknowledgements}},
          "defaultPolicy": { "isDefault": true, "appraisalWorkingDays": 15 },
          "supportKinds": [ {{Kind}} ]
        }
        """;

    /// <summary>The report of <paramref name="json"/>, whether it loads or not.</summary>
    public static CatalogueReport ReportOf(string json)
    {
        try
        {
            return CatalogueLoader.Parse(json).Report;
        }
        catch (CatalogueValidationException ex)
        {
            return ex.Report;
        }
    }

    public static CatalogueFinding Single(CatalogueReport report, string code, string lineId, int? year) =>
        Assert.Single(report.Findings, f => f.Code == code && f.LineId == lineId && f.Year == year);
}
