namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// What the appraisal record (biên bản thẩm định) shows: the application, when and where the appraisal took place,
/// each appraiser's scores per criterion and comments, and the recommended amount and conclusion.
/// Amounts in đồng (VND).
/// </summary>
public sealed record AppraisalRecordData(
    DocumentHeader Header,
    ApplicationSummary Application,
    DateTimeOffset HeldAt,
    string Location,
    IReadOnlyList<AppraiserAssessment> Appraisers,
    long RecommendedAmountVnd,
    string Conclusion,
    string ChairName,
    string SecretaryName)
{
    /// <summary>The council's result against the kind's rubric (averages, total, pass mark); null when there is none.</summary>
    public Catalogue.RubricOutcome? Outcome { get; init; }

    /// <summary>Who holds the appraisal and issues the record (the unit that handles the file).</summary>
    public DocumentIssuer Issuer { get; init; } = DocumentIssuer.Department;

    /// <summary>The council that appraised (founding decision, members and roles, recusals, the meeting); null when officers appraised.</summary>
    public Lifecycle.CouncilSummary? Council { get; init; }

    /// <summary>The result in words ("72/100 điểm, đạt (ngưỡng 70 điểm)"); empty when there is no rubric result.</summary>
    public string OutcomeText => Outcome is { } outcome ? outcome.Describe() : string.Empty;
}

/// <summary>One appraiser: name, role on the council ("Chủ tịch", "Ủy viên", "Chuyên gia"), scores and comment.</summary>
public sealed record AppraiserAssessment(
    string Name,
    string Role,
    IReadOnlyList<CriterionScore> Scores,
    string Comment,
    long? RecommendedAmountVnd = null)
{
    public decimal Total => Scores.Sum(s => s.Score);

    public decimal MaxTotal => Scores.Sum(s => s.MaxScore);
}

/// <summary>A score given on one criterion, out of <see cref="MaxScore"/>.</summary>
public sealed record CriterionScore(string Criterion, decimal Score, decimal MaxScore)
{
    /// <summary>The member's comment on the criterion, if any.</summary>
    public string? Comment { get; init; }
}
