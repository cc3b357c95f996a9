namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// The arithmetic checks of the appendix: each row's "Cộng" against its years, each group against its items, and the
/// printed total row against the groups. Empty cells count as 0 in a sum; items with all cells empty are reported as
/// integrated elsewhere and left out of their group's sums.
/// </summary>
internal static class BudgetSumRules
{
    public static IEnumerable<CatalogueFinding> Check(Programme programme)
    {
        foreach (var group in programme.BudgetLines)
        {
            foreach (var finding in CheckRow(group, group.Id, programme.Years))
            {
                yield return finding;
            }

            foreach (var item in group.Items)
            {
                foreach (var finding in CheckRow(item, item.Id, programme.Years))
                {
                    yield return finding;
                }
            }

            foreach (var finding in CheckParts(group, group.Id, group.Items.Where(i => i.HasFigures).ToArray(), programme.Years, CatalogueFindingCodes.GroupSumMismatch))
            {
                yield return finding;
            }
        }

        var total = programme.PrintedTotalRow;
        var totalLabel = $"{total.Id} ({total.Name})";
        foreach (var finding in CheckRow(total, totalLabel, programme.Years))
        {
            yield return finding;
        }

        foreach (var finding in CheckParts(total, totalLabel, programme.BudgetLines, programme.Years, CatalogueFindingCodes.GrandTotalMismatch))
        {
            yield return finding;
        }
    }

    static IEnumerable<CatalogueFinding> CheckRow(BudgetLine row, string label, IReadOnlyList<int> years)
    {
        foreach (var year in row.Amounts.Keys.Where(y => !years.Contains(y)))
        {
            yield return new(CatalogueFindingCodes.UnknownYear, FindingKind.Error, row.Id, year, row.AmountIn(year), null,
                $"Dòng {label} có số liệu năm {year}, ngoài các năm của Phụ lục ({string.Join(", ", years)}).");
        }

        if (!row.HasFigures)
        {
            yield return new(CatalogueFindingCodes.ItemIntegratedElsewhere, FindingKind.IntegratedElsewhere, row.Id, null, null, null,
                $"Dòng {label} không ghi kinh phí (lồng ghép, nguồn khác: {row.FundingNote ?? "không ghi chú"}); không tính vào tổng nhóm.");
            yield break;
        }

        var computed = years.Sum(y => row.AmountIn(y) ?? 0);
        if ((row.PrintedTotal ?? 0) != computed)
        {
            yield return new(CatalogueFindingCodes.RowTotalMismatch, FindingKind.Mismatch, row.Id, null, row.PrintedTotal, computed,
                $"Dòng {label}: cột Cộng in {ReportNumber.Format(row.PrintedTotal)}, cộng các năm được {ReportNumber.Format(computed)}.");
        }
    }

    static IEnumerable<CatalogueFinding> CheckParts(BudgetLine whole, string label, IReadOnlyList<BudgetLine> parts, IReadOnlyList<int> years, string code)
    {
        if (parts.Count == 0)
        {
            yield break;
        }

        var partIds = string.Join(", ", parts.Select(p => p.Id));
        foreach (var year in years)
        {
            var computed = parts.Sum(p => p.AmountIn(year) ?? 0);
            var printed = whole.AmountIn(year);
            if ((printed ?? 0) != computed)
            {
                yield return new(code, FindingKind.Mismatch, whole.Id, year, printed, computed,
                    $"Dòng {label} năm {year}: in {ReportNumber.Format(printed)}, tổng {partIds} được {ReportNumber.Format(computed)}.");
            }
        }

        var computedTotal = parts.Sum(p => p.PrintedTotal ?? 0);
        if ((whole.PrintedTotal ?? 0) != computedTotal)
        {
            yield return new(code, FindingKind.Mismatch, whole.Id, null, whole.PrintedTotal, computedTotal,
                $"Dòng {label}, cột Cộng: in {ReportNumber.Format(whole.PrintedTotal)}, tổng cột Cộng của {partIds} được {ReportNumber.Format(computedTotal)}.");
        }
    }
}
