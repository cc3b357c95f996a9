namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// Checks a catalogue line by line and produces a <see cref="CatalogueReport"/>: the appendix sums
/// (<see cref="BudgetSumRules"/>), unique ids, support kinds and targets pointing at existing lines, positive policy
/// values, and which mismatches the Department has acknowledged.
/// </summary>
public static class CatalogueValidator
{
    public static CatalogueReport Validate(
        string version,
        Programme programme,
        IReadOnlyList<SupportKind> kinds,
        IReadOnlyList<AcknowledgedMismatch> acknowledged)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(acknowledged);

        var findings = BudgetSumRules.Check(programme).ToList();
        findings.AddRange(Duplicates("dòng kinh phí", programme.AllLines.Append(programme.PrintedTotalRow).Select(l => l.Id)));
        findings.AddRange(Duplicates("chỉ tiêu", programme.Targets.Select(t => t.Id)));
        findings.AddRange(Duplicates("loại hỗ trợ", kinds.Select(k => k.Id)));
        findings.AddRange(References(programme, kinds));
        findings.AddRange(kinds.SelectMany(PolicyChecks));
        findings.AddRange(FundingChecks(programme, kinds));
        return new CatalogueReport(version, Acknowledge(findings, acknowledged));
    }

    static IEnumerable<CatalogueFinding> Duplicates(string what, IEnumerable<string> ids) =>
        ids.GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new CatalogueFinding(CatalogueFindingCodes.DuplicateId, FindingKind.Error, g.Key, null, null, null,
                $"Mã {what} \"{g.Key}\" xuất hiện {g.Count()} lần; mỗi mã phải là duy nhất."));

    static IEnumerable<CatalogueFinding> References(Programme programme, IReadOnlyList<SupportKind> kinds)
    {
        var lineIds = programme.AllLines.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in kinds.Where(k => !lineIds.Contains(k.BudgetLineId)))
        {
            yield return new(CatalogueFindingCodes.UnknownBudgetLine, FindingKind.Error, kind.BudgetLineId, null, null, null,
                $"Loại hỗ trợ \"{kind.Id}\" trỏ tới dòng kinh phí \"{kind.BudgetLineId}\" không có trong Phụ lục.");
        }

        foreach (var target in programme.Targets.Where(t => t.BudgetLineId is not null && !lineIds.Contains(t.BudgetLineId)))
        {
            yield return new(CatalogueFindingCodes.UnknownBudgetLine, FindingKind.Error, target.BudgetLineId!, null, null, null,
                $"Chỉ tiêu \"{target.Id}\" trỏ tới dòng kinh phí \"{target.BudgetLineId}\" không có trong Phụ lục.");
        }

        var kindIds = kinds.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var target in programme.Targets.Where(t => t.Measure is not null))
        {
            foreach (var kindId in target.Measure!.KindIds.Where(id => !kindIds.Contains(id)))
            {
                yield return new(CatalogueFindingCodes.UnknownSupportKind, FindingKind.Error, target.Id, null, null, null,
                    $"Chỉ tiêu \"{target.Id}\" đếm theo loại hỗ trợ \"{kindId}\" không có trong danh mục.");
            }

            if (target.Measure.KindIds.Count == 0 && target.Measure.Count != TargetCount.ActivityOutputs && !kinds.Any(k => string.Equals(k.BudgetLineId, target.BudgetLineId, StringComparison.Ordinal)))
            {
                yield return new(CatalogueFindingCodes.UnknownSupportKind, FindingKind.Error, target.Id, null, null, null,
                    $"Chỉ tiêu \"{target.Id}\" đếm theo các loại hỗ trợ của dòng \"{target.BudgetLineId}\" nhưng dòng này không có loại hỗ trợ nào.");
            }
        }
    }

    /// <summary>
    /// Lines marked lồng ghép carry no figures of this plan and name where their money comes from; a support kind sits on
    /// a line with money of this plan or on one marked lồng ghép (else its approvals could never be funded); a cap per
    /// person needs a kind that nominates persons; yearly quantities are positive.
    /// </summary>
    static IEnumerable<CatalogueFinding> FundingChecks(Programme programme, IReadOnlyList<SupportKind> kinds)
    {
        foreach (var line in programme.AllLines.Where(l => l.IsIntegrated))
        {
            if (line.HasFigures)
            {
                yield return new(CatalogueFindingCodes.IntegratedLineWithFigures, FindingKind.Error, line.Id, null, null, null,
                    $"Dòng \"{line.Id}\" được đánh dấu kinh phí lồng ghép nhưng có số liệu kinh phí của Kế hoạch.");
            }

            if (line.FundedFrom is null)
            {
                yield return new(CatalogueFindingCodes.IntegratedLineWithoutSource, FindingKind.Error, line.Id, null, null, null,
                    $"Dòng \"{line.Id}\" được đánh dấu kinh phí lồng ghép nhưng không ghi nguồn kinh phí (fundedFrom).");
            }
        }

        foreach (var kind in kinds)
        {
            if (programme.FindLine(kind.BudgetLineId) is { } line && !line.IsIntegrated && !line.HasFigures)
            {
                yield return new(CatalogueFindingCodes.KindLineWithoutFunding, FindingKind.Error, kind.Id, null, null, null,
                    $"Loại hỗ trợ \"{kind.Id}\" thuộc dòng \"{line.Id}\" không có kinh phí trong Kế hoạch; nếu kinh phí lồng ghép từ chương trình khác, " +
                    "đánh dấu dòng funding = \"integrated\" và ghi nguồn (fundedFrom).");
            }

            if (kind.Cap is { Per: CapUnit.Person } && !kind.NominatesPersons)
            {
                yield return new(CatalogueFindingCodes.CapPerPersonWithoutNominees, FindingKind.Error, kind.Id, null, null, null,
                    $"Loại hỗ trợ \"{kind.Id}\" có mức tối đa tính theo người nhưng hồ sơ không đề cử người (nominatesPersons).");
            }
        }

        foreach (var line in programme.AllLines)
        {
            foreach (var q in line.YearlyQuantities.Where(q => q.Value <= 0 || q.ByYear.Values.Any(v => v < 0)))
            {
                yield return new(CatalogueFindingCodes.NonPositivePolicyValue, FindingKind.Error, line.Id, null, q.Value, null,
                    $"Dòng \"{line.Id}\": số lượng hằng năm \"{q.Id}\" phải lớn hơn 0.");
            }
        }
    }

    static IEnumerable<CatalogueFinding> PolicyChecks(SupportKind kind)
    {
        var p = kind.Policy;
        (string Name, long Value)[] values =
        [
            ("completenessReviewWorkingDays", p.CompletenessReviewWorkingDays),
            ("supplementationWorkingDays", p.SupplementationWorkingDays),
            ("appraisalWorkingDays", p.AppraisalWorkingDays),
            ("approvalWorkingDays", p.ApprovalWorkingDays),
            ("checkInCount", p.CheckInCount),
            ("checkInIntervalMonths", p.CheckInIntervalMonths),
            ("escalationDelayWorkingDays", p.EscalationDelayWorkingDays),
            ("finalEvaluationWorkingDays", p.FinalEvaluationWorkingDays),
            ("maxAmountVnd", kind.MaxAmountVnd ?? 1),
        ];
        return values.Where(v => v.Value <= 0).Select(v => new CatalogueFinding(
            CatalogueFindingCodes.NonPositivePolicyValue, FindingKind.Error, kind.Id, null, v.Value, null,
            $"Loại hỗ trợ \"{kind.Id}\": giá trị {v.Name} = {v.Value} phải lớn hơn 0."));
    }

    static List<CatalogueFinding> Acknowledge(List<CatalogueFinding> findings, IReadOnlyList<AcknowledgedMismatch> acknowledged)
    {
        var unused = acknowledged.ToList();
        var result = new List<CatalogueFinding>(findings.Count);
        foreach (var finding in findings)
        {
            var ack = finding.Kind == FindingKind.Mismatch ? unused.FirstOrDefault(a => Matches(a, finding)) : null;
            if (ack is null)
            {
                result.Add(finding);
                continue;
            }

            unused.Remove(ack);
            result.Add(finding with { Acknowledged = true, AcknowledgementNote = ack.Note });
        }

        result.AddRange(unused.Select(a => new CatalogueFinding(
            CatalogueFindingCodes.UnusedAcknowledgement, FindingKind.Notice, a.LineId, a.Year, a.Printed, a.Computed,
            $"Ghi nhận chênh lệch của dòng {a.LineId} ({(a.Year is { } y ? $"năm {y}" : "cột Cộng")}) không còn khớp chênh lệch nào; có thể xóa.")));
        return result;
    }

    static bool Matches(AcknowledgedMismatch a, CatalogueFinding f) =>
        string.Equals(a.LineId, f.LineId, StringComparison.Ordinal) && a.Year == f.Year && a.Printed == f.Printed && a.Computed == f.Computed;
}
