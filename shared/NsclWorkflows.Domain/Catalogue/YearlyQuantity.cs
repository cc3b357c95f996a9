namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// A yearly quantity the plan's text gives for an item (catalogue <c>budget.lines[].items[].yearlyQuantities</c>):
/// "khoảng 5 lượt/năm, 20 triệu đồng/lượt" (I.2), "bình quân 03 lớp/năm, riêng năm 2022 dự kiến 02 lớp" (I.3),
/// "khoảng 05 doanh nghiệp/năm", "ít nhất 01 doanh nghiệp/năm" (IV.1). <see cref="ByYear"/> holds the years the plan
/// names apart; other years take <see cref="Value"/>. <see cref="UnitCostVnd"/> is the cost of one unit where printed.
/// </summary>
public sealed record YearlyQuantity(
    string Id,
    string Text,
    QuantityQualifier Qualifier,
    decimal Value,
    string Unit,
    IReadOnlyDictionary<int, decimal> ByYear,
    long? UnitCostVnd)
{
    /// <summary>The quantity expected in <paramref name="year"/>.</summary>
    public decimal In(int year) => ByYear.TryGetValue(year, out var v) ? v : Value;
}

/// <summary>How the plan words a quantity. Stored by name in the catalogue: only add.</summary>
public enum QuantityQualifier
{
    /// <summary>"khoảng", "dự kiến": an estimate.</summary>
    About,

    /// <summary>"bình quân": an average over the years.</summary>
    Average,

    /// <summary>"ít nhất": a minimum.</summary>
    AtLeast,
}
