namespace NsclWorkflows.Domain.Applications;

/// <summary>Raw submission fields as they arrived (null: absent). The API layer fills it from JSON.</summary>
public sealed record SubmissionDraft
{
    public string? EnterpriseCode { get; init; }
    public string? EnterpriseName { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? Phone { get; init; }
    public string? SupportKindId { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public long? RequestedAmountVnd { get; init; }
    public string? OrganisationType { get; init; }
    public string? LegalRepresentativeName { get; init; }
    public string? LegalRepresentativePosition { get; init; }
    public string? Address { get; init; }
    public string? DistrictId { get; init; }
    public string? SectorCode { get; init; }
    public int? Employees { get; init; }
    public string? RevenueBandId { get; init; }
    public long? OwnContributionVnd { get; init; }
    public int? DurationMonths { get; init; }

    /// <summary>The call for applications the submission answers (<see cref="Calls.CallIds"/>); null: none (a rolling kind).</summary>
    public string? CallId { get; init; }

    /// <summary>The task's co-funding from other programmes and sources as sent (null: absent).</summary>
    public IReadOnlyList<CoFundingDraft?>? CoFunding { get; init; }

    /// <summary>The nominees as sent (null: absent); each field null when absent.</summary>
    public IReadOnlyList<NomineeDraft>? Nominees { get; init; }
}

/// <summary>One nominee as sent.</summary>
public sealed record NomineeDraft(string? Name, string? Organisation, string? Position);
