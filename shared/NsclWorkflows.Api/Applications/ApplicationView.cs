using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Api.Applications;

/// <summary>An application as the status page and the officer see it, with what the caller may do next.</summary>
public sealed record ApplicationView(
    string ApplicationId,
    string TrackingCode,
    string Status,
    string StatusText,
    string EnterpriseCode,
    string EnterpriseName,
    string ContactName,
    string SupportKindId,
    string Title,
    long RequestedAmountVnd,
    string CatalogueVersion,
    DateTimeOffset SubmittedAtUtc,
    DateTimeOffset CompletenessDeadlineUtc,
    DateTimeOffset? ReceivedAtUtc,
    DateTimeOffset? DecidedAtUtc,
    DateTimeOffset UpdatedAtUtc)
{
    /// <summary>The unit handling the application.</summary>
    public string? Unit { get; init; }

    /// <summary>"public-body" when a public body submitted (no enterprise code); null for an enterprise.</summary>
    public string? OrganisationType { get; init; }

    /// <summary>The persons nominated (expert training); null for other kinds.</summary>
    public IReadOnlyList<Nominee>? Nominees { get; init; }

    /// <summary>
    /// What the form collects for the council and the decision (legal representative, head office, district, sector,
    /// size, own contribution, duration, with the closed lists' names); null on files submitted before it asked.
    /// </summary>
    public ApplicantProfileView? Profile { get; init; }

    /// <summary>The task's co-funding from other programmes and sources (lồng ghép), as declared or corrected; null: none.</summary>
    public IReadOnlyList<CoFundingSource>? CoFunding { get; init; }

    /// <summary>The task's total cost: the support (approved, else requested) + the own contribution + the co-funding.</summary>
    public long TotalCostVnd { get; init; }

    /// <summary>When the step now waiting for a person is due (waiting only for the accountant's payments: the first payable's due-by date).</summary>
    public DateTimeOffset? NextDueUtc { get; init; }

    /// <summary>Actions the state allows and the caller may take (URL names).</summary>
    public IReadOnlyList<string> AllowedActions { get; init; } = [];

    /// <summary>
    /// The lifecycle's record: supplementations, appraisals, approval, check-ins, evaluation. Officers of the unit see
    /// all of it; the enterprise (and a caller not known) what <see cref="EnterpriseDisclosure"/> lets it know.
    /// </summary>
    public LifecycleState? Lifecycle { get; init; }

    /// <summary>Notes the caller may add to the open file (URL names, e.g. <c>add-note</c>): beside its next steps, never a step itself.</summary>
    public IReadOnlyList<string> Annotations { get; init; } = [];

    /// <summary>The file's version (<see cref="LifecycleState.Version"/>, also the ETag): sent back as <c>If-Match</c> with an action.</summary>
    public int Version { get; init; }

    /// <remarks>
    /// With <paramref name="nowUtc"/>, a file of a call still receiving applications is not offered its appraisal (the
    /// action endpoint answers 409 <c>call_still_open</c> until the close).
    /// </remarks>
    public static ApplicationView From(Application a, Caller? caller = null, DateTimeOffset? nowUtc = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        var waitsForTheClose = nowUtc is { } now && Domain.Calls.CallRules.AppraisalRefusal(a.Lifecycle, now) is not null;
        var allowed = ForCaller(LifecycleRules.Allowed(a.Status, LifecycleMachine.ImplementationOf(a.Lifecycle))
            .Where(action => !(waitsForTheClose && Domain.Lifecycle.Actions.ActionCatalog.Of(action).IsAppraisal)).ToList(), caller);
        var lifecycle = a.Lifecycle;
        return new(a.Id, a.TrackingCode, a.Status.ToString(), ApplicationStatusText.Vietnamese(a.Status), a.Submission.EnterpriseCode,
            a.Submission.EnterpriseName, a.Submission.ContactName, a.Submission.SupportKindId, a.Submission.Title,
            a.Submission.RequestedAmountVnd, a.CatalogueVersion, a.SubmittedAtUtc, a.CompletenessDeadlineUtc, a.ReceivedAtUtc,
            a.DecidedAtUtc, a.UpdatedAtUtc)
        {
            Unit = lifecycle.Unit.Length == 0 ? null : lifecycle.Unit,
            OrganisationType = a.Submission.OrganisationType,
            Nominees = a.Submission.Nominees,
            Profile = ApplicantProfileView.From(a.Submission, ApplicationForm.Shipped),
            CoFunding = a.Submission.CoFunding,
            TotalCostVnd = a.Submission.TotalCostVnd(lifecycle.Approval?.AmountVnd ?? a.Submission.RequestedAmountVnd),
            NextDueUtc = lifecycle.StepDueUtc ?? lifecycle.OpenPayables.Select(p => (DateTimeOffset?)p.DueUtc).Min(), // waiting only for payments: the first due
            AllowedActions = allowed,
            Lifecycle = caller is { IsOfficer: true } ? LifecycleUpkeep.ForOfficers(lifecycle) : EnterpriseDisclosure.Lifecycle(lifecycle),
            Version = lifecycle.Version,
            Annotations = ForCaller(LifecycleRules.Annotations(a.Status), caller),
        };
    }

    /// <summary>The actions the caller may take among <paramref name="actions"/>: the enterprise its own, an officer those of its roles.</summary>
    static List<string> ForCaller(IEnumerable<LifecycleAction> actions, Caller? caller) => actions
        .Where(action => LifecycleRules.ActorOf(action) != Actor.Council) // a council's result is no caller's to take
        .Where(action => caller is null || (LifecycleRules.ActorOf(action) == Actor.Enterprise) == caller.IsEnterprise)
        .Where(action => caller?.Officer is not { } officer || officer.IsIn(Officers.OfficerRoles.For(LifecycleRules.ActorOf(action))))
        .Select(ActionNames.Of)
        .ToList();
}

/// <summary>
/// The applicant's particulars the council and the decision need, with the names of the closed lists' entries
/// (district, VSIC sector, revenue band). The contact person is <see cref="ApplicationView.ContactName"/>; the legal
/// representative is a different person or role.
/// </summary>
public sealed record ApplicantProfileView(
    string? LegalRepresentativeName,
    string? LegalRepresentativePosition,
    string? Address,
    string? DistrictId,
    string? DistrictName,
    string? SectorCode,
    string? SectorName,
    int? Employees,
    string? RevenueBandId,
    string? RevenueBandName,
    long? OwnContributionVnd,
    int? DurationMonths)
{
    /// <summary>The profile of a submission, or null when it has none (submitted before the form asked).</summary>
    public static ApplicantProfileView? From(ApplicationSubmission s, ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(form);
        return s.LegalRepresentativeName is null && s.Address is null && s.DurationMonths is null
            ? null
            : new(s.LegalRepresentativeName, s.LegalRepresentativePosition, s.Address, s.DistrictId, s.DistrictId is { } d ? form.FindDistrict(d)?.Name : null,
                s.SectorCode, s.SectorCode is { } c ? form.FindSector(c)?.Name : null, s.Employees, s.RevenueBandId,
                s.RevenueBandId is { } b ? form.FindRevenueBand(b)?.Name : null, s.OwnContributionVnd, s.DurationMonths);
    }
}
