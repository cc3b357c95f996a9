namespace NsclWorkflows.Domain.Catalogue;

/// <summary>The shape of catalogue.json, as read. Everything optional here; <see cref="CatalogueLoader"/> decides what is required.</summary>
internal static class CatalogueFileModel
{
    internal sealed record FileDto(
        string? Version,
        DateOnly? EffectiveFrom,
        ProgrammeDto? Programme,
        BudgetDto? Budget,
        List<TargetDto>? Targets,
        List<AcknowledgementDto>? AcknowledgedMismatches,
        PolicyDto? DefaultPolicy,
        List<KindDto>? SupportKinds,
        List<RubricDto>? Rubrics = null,
        RubricChoiceDto? DefaultRubrics = null,
        CouncilPolicyDto? CouncilPolicy = null,
        CallPolicyDto? CallPolicy = null,
        RecognitionPolicyDto? RecognitionPolicy = null);

    internal sealed record RecognitionPolicyDto(string? Source, string? Note, bool? IssuesDecision);

    internal sealed record CouncilPolicyDto(
        string? Source, string? Note, int? MinimumMembers, int? QuorumNumerator, int? QuorumDenominator, int? ReminderWorkingDays, int? EscalationWorkingDays);

    internal sealed record CallPolicyDto(string? Source, string? Note, int? MinimumOpenWorkingDays, int? FinalisationWorkingDays, int? EscalationWorkingDays);

    internal sealed record RubricDto(string? Id, string? Name, List<CriterionDto>? Criteria, decimal? PassTotal, string? Source, string? Note);

    internal sealed record CriterionDto(string? Id, string? Name, decimal? MaxScore, decimal? Weight, bool? Mandatory, decimal? MinScore);

    internal sealed record RubricChoiceDto(string? Appraisal, string? Evaluation);

    internal sealed record ProgrammeDto(string? Id, string? Title, string? IssuedBy, DateOnly? IssuedOn);

    internal sealed record BudgetDto(string? Unit, List<int>? Years, List<LineDto>? Lines, LineDto? PrintedTotalRow);

    internal sealed record LineDto(
        string? Id,
        string? Name,
        string? LeadUnit,
        string? FundingNote,
        Dictionary<int, decimal?>? Amounts,
        decimal? PrintedTotal,
        List<LineDto>? Items,
        string? Funding = null,
        string? FundedFrom = null,
        List<QuantityDto>? YearlyQuantities = null,
        string? ShortName = null);

    internal sealed record QuantityDto(
        string? Id, string? Text, string? Qualifier, decimal? Value, string? Unit, Dictionary<int, decimal>? ByYear, long? UnitCostVnd);

    internal sealed record TargetDto(
        string? Id,
        string? Section,
        string? Text,
        string? Comparison,
        decimal? Value,
        string? Unit,
        int? ByYear,
        string? BudgetLineId,
        MeasureDto? Measure = null);

    internal sealed record MeasureDto(string? Count, string? Stage, List<string>? KindIds, string? Note, List<string>? OutputKinds = null);

    internal sealed record AcknowledgementDto(string? LineId, int? Year, decimal? Printed, decimal? Computed, string? Note);

    internal sealed record KindDto(
        string? Id, string? Name, string? Description, string? BudgetLineId, long? MaxAmountVnd, PolicyDto? Policy,
        CapDto? Cap = null, bool? NominatesPersons = null, RubricChoiceDto? Rubrics = null, bool? Rolling = null);

    internal sealed record CapDto(long? AmountVnd, string? Per, string? Source, string? Note);

    internal sealed record PolicyDto(
        int? CompletenessReviewWorkingDays,
        int? SupplementationWorkingDays,
        int? AppraisalWorkingDays,
        int? ApprovalWorkingDays,
        int? CheckInCount,
        int? CheckInIntervalMonths,
        int[]? ReminderOffsetDays,
        int? EscalationDelayWorkingDays,
        int? FinalEvaluationWorkingDays,
        int? AppraisersRequired = null,
        int? DecisionSigningWorkingDays = null,
        int? PaymentWorkingDays = null);
}
