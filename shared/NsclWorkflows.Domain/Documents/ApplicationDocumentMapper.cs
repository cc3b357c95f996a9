using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// The per-application documents' data, from the application's recorded lifecycle: the appraisal record once the
/// appraisals are in, the draft approval decision once approved, the evaluation minutes once evaluated.
/// </summary>
public static class ApplicationDocumentMapper
{
    /// <summary>Where the unit's appraisals and evaluations are held: its seat ("Sở Công Thương thành phố Đà Nẵng").</summary>
    static string Location(DocumentIssuer issuer) => $"{issuer.Name} thành phố Đà Nẵng";

    static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>An officer's role on the appraisal record while appraisals are not made by a council.</summary>
    public const string AppraiserRole = "Cán bộ thẩm định";

    public static ApplicationSummary Summary(Application a, ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(catalogue);
        var kind = catalogue.FindKind(a.Submission.SupportKindId);
        var lineId = a.Lifecycle.BudgetLineId.Length > 0 ? a.Lifecycle.BudgetLineId : kind?.BudgetLineId ?? string.Empty;
        var line = catalogue.Programme.AllLines.FirstOrDefault(l => l.Id == lineId);
        var s = a.Submission;
        var form = ApplicationForm.Shipped;
        var enterprise = new EnterpriseParty(s.EnterpriseName, s.EnterpriseCode, s.FullAddress(), s.LegalRepresentativeName, s.LegalRepresentativePosition,
            ContactPerson: s.ContactName);
        var size = new[]
        {
            s.Employees is { } employees ? $"{employees.ToString("N0", Vi)} lao động" : null,
            s.RevenueBandId is { } band && form.FindRevenueBand(band) is { } named ? $"doanh thu năm {char.ToLower(named.Name[0], Vi)}{named.Name[1..]}" : null,
        }.OfType<string>().ToArray();
        return new ApplicationSummary(a.Id, a.TrackingCode, enterprise, kind?.Name ?? a.Submission.SupportKindId, lineId, line?.CitedName ?? lineId, a.Submission.Title,
            a.Submission.Summary, a.Submission.RequestedAmountVnd)
        {
            IntegratedFundingFrom = a.Lifecycle.IntegratedFundingFrom,
            Nominees = [.. (a.Submission.Nominees ?? []).Select(n => string.Join(", ", new[] { n.Name, n.Position, n.Organisation }.Where(x => !string.IsNullOrEmpty(x))))],
            District = s.DistrictId is { } district ? form.FindDistrict(district)?.Name is { } name ? $"{name} (địa bàn trước 01/07/2025)" : district : null,
            Sector = s.SectorCode is { } code ? form.FindSector(code) is { } sector ? $"{sector.Code} – {sector.Name}" : code : null,
            Size = size.Length > 0 ? string.Join("; ", size) : null,
            OwnContributionVnd = s.OwnContributionVnd,
            CoFunding = s.CoFunding,
            DurationMonths = s.DurationMonths,
        };
    }

    public static AppraisalRecordData Appraisal(Application a, ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(a);
        var state = a.Lifecycle;
        var issuer = DocumentIssuer.For(state.Unit);
        var last = state.Appraisals.Count == 0 ? a.UpdatedAtUtc : state.Appraisals.Max(x => x.AtUtc);
        // Officers appraise, each on their own (no council is set up yet): each is a "Cán bộ thẩm định", nobody is made
        // the chair, and the record is signed by the appraisers (no chair or secretary names).
        var appraisers = state.Appraisals.Select(x => new AppraiserAssessment(x.Appraiser, AppraiserRole,
            [.. x.Scores.Select(s => new CriterionScore(s.Criterion, s.Score, s.MaxScore) { Comment = s.Comment })], x.Comment ?? string.Empty, x.RecommendedAmountVnd)).ToList();
        var recommended = state.RecommendedAmountVnd ?? 0;
        var outcome = state.AppraisalOutcome;
        var result = outcome is null ? string.Empty : $"Theo phiếu đánh giá, hồ sơ {(outcome.Passed ? "đạt" : "không đạt")} yêu cầu ({outcome.Describe()}). ";
        var conclusion = result + (recommended > 0
            ? "Cán bộ thẩm định đề nghị hỗ trợ thực hiện nhiệm vụ với kinh phí như trên."
            : "Cán bộ thẩm định đề nghị không hỗ trợ thực hiện nhiệm vụ.");
        if (state.Council is { } council)
        {
            // A council appraised: each counted member by their role on it, the record signed by its secretary and chair.
            var seats = council.Members.ToDictionary(m => $"council:{council.CouncilId}:{m.MemberId}", m => m.RoleText, StringComparer.Ordinal);
            var members = state.Appraisals.Select((x, i) => appraisers[i] with { Role = seats.GetValueOrDefault(x.AppraiserId ?? string.Empty, AppraiserRole) }).ToList();
            var councilConclusion = result + (recommended > 0
                ? "Hội đồng kiến nghị hỗ trợ thực hiện nhiệm vụ với kinh phí như trên."
                : "Hội đồng kiến nghị không hỗ trợ thực hiện nhiệm vụ.");
            var end = council.MeetingEndUtc;
            return new AppraisalRecordData(issuer.Header(DocumentSymbols.MinutesKind, LocalDate(end)), Summary(a, catalogue), council.MeetingStartUtc, Location(issuer),
                members, recommended, councilConclusion,
                council.Members.FirstOrDefault(m => m.Role == "chair")?.FullName ?? string.Empty,
                council.Members.FirstOrDefault(m => m.Role == "secretary")?.FullName ?? string.Empty) { Outcome = outcome, Council = council, Issuer = issuer };
        }

        return new AppraisalRecordData(issuer.Header(DocumentSymbols.MinutesKind, LocalDate(last)), Summary(a, catalogue), last, Location(issuer),
            appraisers, recommended, conclusion, string.Empty, string.Empty) { Outcome = outcome, Issuer = issuer };
    }

    public static ApprovalDecisionData Decision(Application a, ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(catalogue);
        var state = a.Lifecycle;
        var approval = state.Approval ?? throw new InvalidOperationException($"Application {a.Id} is not approved.");
        var start = LocalDate(approval.AtUtc);
        // Before the decision is signed the schedule is the policy's, counted from the approval (implementation starts
        // with the signed decision); after, the check-ins as set.
        var policy = catalogue.FindKind(a.Submission.SupportKindId)?.Policy ?? catalogue.DefaultPolicy;
        var dues = state.CheckIns.Count > 0
            ? state.CheckIns.Select(c => (c.Number, Due: LocalDate(c.DueUtc))).ToList()
            : [.. Enumerable.Range(1, Math.Max(1, policy.CheckInCount)).Select(i => (Number: i, Due: start.AddMonths(policy.CheckInIntervalMonths * i)))];
        // The task runs for the months applied for, and at least until its last check-in.
        var end = a.Submission.DurationMonths is { } months && start.AddMonths(months) > dues[^1].Due ? start.AddMonths(months) : dues[^1].Due;
        var checkIns = dues.Select(c => new CheckInDue(c.Number, c.Due,
            "Tiến độ thực hiện, khối lượng hoàn thành, kinh phí đã sử dụng và kiến nghị (nếu có).")).ToList();
        var issuer = DocumentIssuer.For(state.Unit);
        return new ApprovalDecisionData(issuer.Header(DocumentSymbols.DecisionKind, start), Signatory.DeputyDirector(approval.Leader),
            Summary(a, catalogue), ApprovalDecisionTexts.LegalBasesOf(issuer), [a.Submission.Title, a.Submission.Summary], approval.AmountVnd, approval.BudgetYear,
            start, end, ApprovalDecisionTexts.ObligationsOf(issuer), checkIns, ApprovalDecisionTexts.RecipientsOf(issuer)) { Issuer = issuer };
    }

    public static EvaluationMinutesData Minutes(Application a, ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(a);
        var state = a.Lifecycle;
        var evaluation = state.Evaluation ?? throw new InvalidOperationException($"Application {a.Id} is not evaluated.");
        var approval = state.Approval!;
        var issuer = DocumentIssuer.For(state.Unit);
        // Scores as recorded; the verdict per criterion is the rubric's (a mandatory criterion at least its minimum),
        // none when the evaluation was recorded without a rubric. The conclusion (đạt / không đạt) is the outcome below.
        var verdicts = evaluation.Outcome?.Criteria.Where(c => c.Mandatory).ToDictionary(c => c.Name, c => c.Met, StringComparer.Ordinal);
        var results = evaluation.Scores.Count > 0
            ? evaluation.Scores.Select(s => new EvaluationCriterionResult(s.Criterion, $"{s.MaxScore:0.##} điểm", $"{s.Score:0.##} điểm",
                verdicts is not null && verdicts.TryGetValue(s.Criterion, out var met) ? met : null)).ToList()
            : [new EvaluationCriterionResult("Nội dung, khối lượng công việc", a.Submission.Title, state.FinalReport?.Text ?? string.Empty, evaluation.Passed)];
        if (state.CouncilEvaluation is { } ce)
        {
            // An evaluation council concluded: its members by their role, its averages per criterion against the rubric, each
            // counted member's sheet, the meeting's start and end; signed by its secretary and chair.
            var council = ce.Council;
            var seats = council.Members.ToDictionary(m => m.MemberId, StringComparer.Ordinal);
            var averages = ce.Outcome is { } o
                ? o.Criteria.Select(c => new EvaluationCriterionResult(c.Name, $"{c.MaxScore:0.##} điểm", $"{c.Average:0.##} điểm", c.Mandatory ? c.Met : null)).ToList()
                : results;
            var sheets = ce.Sheets.Select(x => new AppraiserAssessment(seats.TryGetValue(x.MemberId, out var seat) ? seat.FullName : x.MemberId,
                seat?.RoleText ?? string.Empty, [.. x.Scores.Select(s => new CriterionScore(s.Criterion, s.Score, s.MaxScore) { Comment = s.Comment })],
                x.Comment ?? string.Empty, x.RecommendsSupport ? x.RecommendedAmountVnd : null)).ToList();
            var said = ce.Outcome is { } outcome ? $"Theo phiếu đánh giá của các thành viên, nhiệm vụ {(ce.Passed ? "đạt" : "không đạt")} yêu cầu ({outcome.Describe()}). " : string.Empty;
            return new EvaluationMinutesData(issuer.Header(DocumentSymbols.MinutesKind, LocalDate(council.MeetingEndUtc)), Summary(a, catalogue),
                $"Phê duyệt ngày {LocalDate(approval.AtUtc):dd/MM/yyyy}", approval.AmountVnd, council.MeetingStartUtc, Location(issuer),
                [.. council.Members.Select(m => new CouncilMember(m.FullName, m.RoleText, m.Organisation ?? string.Empty))], averages,
                evaluation.Passed ? EvaluationOutcome.Passed : EvaluationOutcome.Failed, said + (evaluation.Note ?? (evaluation.Passed ? "Đạt." : "Không đạt.")),
                [], evaluation.FinalAmountVnd, council.Members.FirstOrDefault(m => m.Role == "chair")?.FullName ?? string.Empty,
                council.Members.FirstOrDefault(m => m.Role == "secretary")?.FullName ?? string.Empty)
            {
                ClosedAt = council.MeetingEndUtc,
                ScoredAgainstRubric = ce.Outcome is not null,
                Council = council,
                MemberSheets = sheets,
                Issuer = issuer,
            };
        }

        return new EvaluationMinutesData(issuer.Header(DocumentSymbols.MinutesKind, LocalDate(evaluation.AtUtc)), Summary(a, catalogue),
            $"Phê duyệt ngày {LocalDate(approval.AtUtc):dd/MM/yyyy}", approval.AmountVnd, evaluation.AtUtc, Location(issuer),
            [new CouncilMember(evaluation.Leader, "Chủ tịch hội đồng", issuer.Name)], results,
            evaluation.Passed ? EvaluationOutcome.Passed : EvaluationOutcome.Failed, evaluation.Note ?? (evaluation.Passed ? "Đạt." : "Không đạt."),
            [], evaluation.FinalAmountVnd, evaluation.Leader, string.Empty)
        {
            // The one time recorded is when the result was entered: the meeting's close.
            ClosedAt = evaluation.AtUtc,
            ScoredAgainstRubric = evaluation.Outcome is not null && evaluation.Scores.Count > 0,
            Issuer = issuer,
        };
    }

    /// <summary>The draft recognition decision of a passed evaluation: the approval carried out, the evaluation (the council's or the Department's), the amount accepted.</summary>
    public static RecognitionDecisionData Recognition(Application a, ProgrammeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(a);
        var state = a.Lifecycle;
        var evaluation = state.Evaluation ?? throw new InvalidOperationException($"Application {a.Id} is not evaluated.");
        var approval = state.Approval ?? throw new InvalidOperationException($"Application {a.Id} is not approved.");
        var issuer = DocumentIssuer.For(state.Unit);
        var approvalReference = state.SignedDecision is { } signed
            ? $"Quyết định số {signed.NumberAndSymbol} ngày {signed.SignedOn:dd/MM/yyyy} của {issuer.Name} về việc phê duyệt hỗ trợ thực hiện nhiệm vụ"
            : $"kết quả phê duyệt hỗ trợ ngày {LocalDate(approval.AtUtc):dd/MM/yyyy}";
        var evaluationReference = state.CouncilEvaluation is { } ce
            ? $"biên bản họp {ce.Council.Name} (thành lập theo Quyết định số {ce.Council.DecisionNumber} ngày {ce.Council.DecisionSignedOn:dd/MM/yyyy}) ngày {LocalDate(ce.Council.MeetingEndUtc):dd/MM/yyyy}"
            : $"biên bản đánh giá, nghiệm thu ngày {LocalDate(evaluation.AtUtc):dd/MM/yyyy}";
        return new RecognitionDecisionData(issuer.Header(DocumentSymbols.DecisionKind, LocalDate(evaluation.AtUtc)), Signatory.DeputyDirector(),
            Summary(a, catalogue), ApprovalDecisionTexts.LegalBasesOf(issuer), approvalReference, evaluationReference, approval.AmountVnd, evaluation.FinalAmountVnd,
            ApprovalDecisionTexts.RecipientsOf(issuer)) { Issuer = issuer };
    }

    static DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(utc.ToOffset(DeadlinePlanner.VietnamOffset).DateTime);
}
