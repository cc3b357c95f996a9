using NsclWorkflows.Domain.Catalogue;
using static NsclWorkflows.Domain.Tests.Catalogue.TestCatalogues;

namespace NsclWorkflows.Domain.Tests.Catalogue;

/// <summary>Lồng ghép lines, caps and yearly quantities in the catalogue file, and the validator's rules for them.</summary>
public class CatalogueFundingTests
{
    const string IntegratedItem = """{ "id": "I.3", "name": "Mục lồng ghép", "fundingNote": "Nguồn khác", "amounts": { "2022": null }, "printedTotal": null }""";
    const string MarkedItem = """{ "id": "I.3", "name": "Mục lồng ghép", "fundingNote": "Nguồn khác", "amounts": { "2022": null }, "printedTotal": null, "funding": "integrated", "fundedFrom": "Kế hoạch 121/KH-UBND" }""";
    const string KindOnI3 = """{ "id": "k2", "name": "Loại lồng ghép", "budgetLineId": "I.3" }""";

    [Fact]
    public void Parse_KindOnMarkedIntegratedLine_LoadsWithItsSource()
    {
        var catalogue = CatalogueLoader.Parse(Valid.Replace(IntegratedItem, MarkedItem).Replace(Kind, Kind + ", " + KindOnI3));

        Assert.True(catalogue.Programme.FindLine("I.3")!.IsIntegrated);
        Assert.Equal("Kế hoạch 121/KH-UBND", catalogue.IntegratedFundingOf(catalogue.FindKind("k2")!));
        Assert.Null(catalogue.IntegratedFundingOf(catalogue.FindKind("k1")!));
    }

    [Fact]
    public void Validate_KindOnEmptyLineNotMarkedIntegrated_IsAnError()
    {
        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(Valid.Replace(Kind, Kind + ", " + KindOnI3)));

        var finding = Assert.Single(ex.Report.Findings, f => f.Code == CatalogueFindingCodes.KindLineWithoutFunding);
        Assert.Equal(("k2", FindingKind.Error), (finding.LineId, finding.Kind));
    }

    [Fact]
    public void Validate_IntegratedLineWithFigures_IsAnError()
    {
        var json = Valid.Replace(ItemOne, ItemOne.Replace("\"printedTotal\": 30", "\"printedTotal\": 30, \"funding\": \"integrated\", \"fundedFrom\": \"Khác\""));

        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(json));

        Assert.Equal("I.1", Assert.Single(ex.Report.Findings, f => f.Code == CatalogueFindingCodes.IntegratedLineWithFigures).LineId);
    }

    [Fact]
    public void Validate_IntegratedLineWithoutSource_IsAnError()
    {
        var json = Valid.Replace(IntegratedItem, MarkedItem.Replace(", \"fundedFrom\": \"Kế hoạch 121/KH-UBND\"", string.Empty));

        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(json));

        Assert.Equal("I.3", Assert.Single(ex.Report.Findings, f => f.Code == CatalogueFindingCodes.IntegratedLineWithoutSource).LineId);
    }

    [Fact]
    public void Parse_UnknownFundingValue_IsMalformed()
    {
        var json = Valid.Replace(IntegratedItem, MarkedItem.Replace("\"integrated\"", "\"elsewhere\""));

        var ex = Assert.Throws<InvalidDataException>(() => CatalogueLoader.Parse(json));

        Assert.Contains("funding", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CapPerPerson_IsReadWithItsSource()
    {
        var kind = """{ "id": "k1", "name": "Loại 1", "budgetLineId": "I.1", "nominatesPersons": true, "cap": { "amountVnd": 20000000, "per": "person", "source": "plan" } }""";

        var k1 = CatalogueLoader.Parse(Valid.Replace(Kind, kind)).FindKind("k1")!;

        Assert.Equal((20_000_000L, CapUnit.Person, CapSource.Plan, true), (k1.Cap!.AmountVnd, k1.Cap.Per, k1.Cap.Source, k1.NominatesPersons));
        Assert.Equal(60_000_000L, k1.CapFor(3));
        Assert.Equal(20_000_000L, k1.CapFor(0));
    }

    [Fact]
    public void Validate_CapPerPersonOnKindThatNominatesNobody_IsAnError()
    {
        var kind = """{ "id": "k1", "name": "Loại 1", "budgetLineId": "I.1", "cap": { "amountVnd": 20000000, "per": "person", "source": "plan" } }""";

        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(Valid.Replace(Kind, kind)));

        Assert.Contains(ex.Report.Findings, f => f.Code == CatalogueFindingCodes.CapPerPersonWithoutNominees && f.LineId == "k1");
    }

    [Fact]
    public void Validate_NonPositiveCap_IsAnError()
    {
        var kind = """{ "id": "k1", "name": "Loại 1", "budgetLineId": "I.1", "cap": { "amountVnd": 0, "source": "department-default" } }""";

        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(Valid.Replace(Kind, kind)));

        Assert.Contains(ex.Report.Findings, f => f.Code == CatalogueFindingCodes.NonPositivePolicyValue && f.LineId == "k1");
    }

    [Fact]
    public void Parse_UnknownCapSource_IsMalformed()
    {
        var kind = """{ "id": "k1", "name": "Loại 1", "budgetLineId": "I.1", "cap": { "amountVnd": 1, "source": "guess" } }""";

        Assert.Throws<InvalidDataException>(() => CatalogueLoader.Parse(Valid.Replace(Kind, kind)));
    }

    [Fact]
    public void Parse_YearlyQuantityWithAYearApart_GivesThatYearAndTheUsualValueElsewhere()
    {
        var item = ItemTwo.Replace("\"printedTotal\": 20", "\"printedTotal\": 20, \"yearlyQuantities\": [ { \"id\": \"classes\", \"text\": \"3 lớp/năm, riêng 2022 là 2\", \"qualifier\": \"average\", \"value\": 3, \"unit\": \"lớp\", \"byYear\": { \"2022\": 2 } } ]");

        var quantity = Assert.Single(CatalogueLoader.Parse(Valid.Replace(ItemTwo, item)).Programme.FindLine("I.2")!.YearlyQuantities);

        Assert.Equal((2m, 3m, 3m, QuantityQualifier.Average), (quantity.In(2022), quantity.In(2023), quantity.In(2030), quantity.Qualifier));
    }

    [Fact]
    public void Validate_NonPositiveYearlyQuantity_IsAnError()
    {
        var item = ItemTwo.Replace("\"printedTotal\": 20", "\"printedTotal\": 20, \"yearlyQuantities\": [ { \"id\": \"q\", \"text\": \"x\", \"qualifier\": \"about\", \"value\": 0, \"unit\": \"lớp\" } ]");

        var ex = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Parse(Valid.Replace(ItemTwo, item)));

        Assert.Contains(ex.Report.Findings, f => f.Code == CatalogueFindingCodes.NonPositivePolicyValue && f.LineId == "I.2");
    }
}
