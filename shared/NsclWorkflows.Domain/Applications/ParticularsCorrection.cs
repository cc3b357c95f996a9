using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Validation;
using F = NsclWorkflows.Domain.Applications.SubmissionFields;

namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// The applicant's particulars corrected after submission: by the enterprise when it confirms a task the Department
/// ordered from it or assigned to it (its contact, legal representative, head office, sector, size, own contribution and
/// co-funding), or by the leader who approves (the co-funding). Null: unchanged; an empty <see cref="CoFunding"/>: none.
/// Never what the officer fixed (kind, title, content, amount, budget item and year). Carried in
/// <see cref="Lifecycle.ActionRequest"/> (workflow history): only add fields.
/// </summary>
public sealed record ParticularsCorrection
{
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? Phone { get; init; }
    public string? LegalRepresentativeName { get; init; }
    public string? LegalRepresentativePosition { get; init; }
    public string? Address { get; init; }
    public string? DistrictId { get; init; }
    public string? SectorCode { get; init; }
    public int? Employees { get; init; }
    public string? RevenueBandId { get; init; }
    public long? OwnContributionVnd { get; init; }
    public IReadOnlyList<CoFundingDraft?>? CoFunding { get; init; }

    /// <summary>The JSON names of the fields an enterprise may correct when it confirms an order, in the form's order.</summary>
    public static readonly IReadOnlyList<string> EnterpriseFields =
    [
        F.ContactName, F.ContactEmail, F.Phone, F.LegalRepresentativeName, F.LegalRepresentativePosition, F.Address, F.DistrictId,
        F.SectorCode, F.Employees, F.RevenueBandId, F.OwnContributionVnd, F.CoFunding,
    ];

    public bool IsEmpty => this == new ParticularsCorrection();

    /// <summary>
    /// <paramref name="current"/> with the corrected fields, checked by the submission's own rules
    /// (<see cref="SubmissionValidator"/>: the same codes, messages and normalisation), and what changed ("Người liên hệ:
    /// A → B"); the errors when refused. Only the correctable fields are taken from the check; the rest stays as it was.
    /// </summary>
    public (ApplicationSubmission? Corrected, IReadOnlyList<string> Changes, IReadOnlyList<FieldError> Errors) ApplyTo(
        ApplicationSubmission current, ISupportKindCatalogue catalogue, ApplicationForm? form = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(catalogue);
        var lists = form ?? ApplicationForm.Shipped;
        if (this == new ParticularsCorrection { CoFunding = CoFunding } && CoFunding is not null)
        {
            // The co-funding alone (the approving leader's correction): its own rules, whatever the rest of an older file lacks.
            var errors = CoFundingRules.Check(CoFunding, lists);
            if (errors.Count > 0)
            {
                return (null, [], errors);
            }

            var withCoFunding = current with { CoFunding = CoFundingRules.Normalise(CoFunding, lists) };
            var before = CoFundingRules.Describe(current.CoFunding);
            var after = CoFundingRules.Describe(withCoFunding.CoFunding);
            return (withCoFunding, before == after ? [] : [$"{F.Label(F.CoFunding)}: {(before.Length == 0 ? "(không có)" : before)} → {(after.Length == 0 ? "(không có)" : after)}"], []);
        }

        var draft = new SubmissionDraft
        {
            EnterpriseCode = current.EnterpriseCode, EnterpriseName = current.EnterpriseName, ContactName = ContactName ?? current.ContactName,
            ContactEmail = ContactEmail ?? current.ContactEmail, Phone = Phone ?? current.Phone, SupportKindId = current.SupportKindId, Title = current.Title,
            Summary = current.Summary, RequestedAmountVnd = current.RequestedAmountVnd, OrganisationType = current.OrganisationType,
            LegalRepresentativeName = LegalRepresentativeName ?? current.LegalRepresentativeName,
            LegalRepresentativePosition = LegalRepresentativePosition ?? current.LegalRepresentativePosition, Address = Address ?? current.Address,
            DistrictId = DistrictId ?? current.DistrictId, SectorCode = SectorCode ?? current.SectorCode, Employees = Employees ?? current.Employees,
            RevenueBandId = RevenueBandId ?? current.RevenueBandId, OwnContributionVnd = OwnContributionVnd ?? current.OwnContributionVnd,
            DurationMonths = current.DurationMonths, CallId = current.CallId,
            CoFunding = CoFunding ?? CoFundingRules.Drafts(current.CoFunding),
            Nominees = current.Nominees?.Select(n => new NomineeDraft(n.Name, n.Organisation, n.Position)).ToList(),
        };
        var checkedDraft = new SubmissionValidator(catalogue, lists).Validate(draft);
        if (!checkedDraft.IsValid)
        {
            return (null, [], checkedDraft.Errors);
        }

        var v = checkedDraft.Value!;
        var corrected = current with
        {
            ContactName = v.ContactName, ContactEmail = v.ContactEmail, Phone = v.Phone,
            LegalRepresentativeName = v.LegalRepresentativeName, LegalRepresentativePosition = v.LegalRepresentativePosition,
            Address = v.Address, DistrictId = v.DistrictId, SectorCode = v.SectorCode, Employees = v.Employees, RevenueBandId = v.RevenueBandId,
            OwnContributionVnd = v.OwnContributionVnd, CoFunding = v.CoFunding,
        };
        var changes = new List<string>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? string.Empty, after ?? string.Empty, StringComparison.Ordinal))
            {
                changes.Add($"{F.Label(field)}: {(string.IsNullOrEmpty(before) ? "(không có)" : before)} → {(string.IsNullOrEmpty(after) ? "(không có)" : after)}");
            }
        }

        Compare(F.ContactName, current.ContactName, corrected.ContactName);
        Compare(F.ContactEmail, current.ContactEmail, corrected.ContactEmail);
        Compare(F.Phone, current.Phone, corrected.Phone);
        Compare(F.LegalRepresentativeName, current.LegalRepresentativeName, corrected.LegalRepresentativeName);
        Compare(F.LegalRepresentativePosition, current.LegalRepresentativePosition, corrected.LegalRepresentativePosition);
        Compare(F.Address, current.Address, corrected.Address);
        Compare(F.DistrictId, Named(current.DistrictId, lists.FindDistrict), Named(corrected.DistrictId, lists.FindDistrict));
        Compare(F.SectorCode, current.SectorCode, corrected.SectorCode);
        Compare(F.Employees, current.Employees is { } e0 ? Text.VietnameseFormat.Number(e0) : null, corrected.Employees is { } e1 ? Text.VietnameseFormat.Number(e1) : null);
        Compare(F.RevenueBandId, Named(current.RevenueBandId, lists.FindRevenueBand), Named(corrected.RevenueBandId, lists.FindRevenueBand));
        Compare(F.OwnContributionVnd, Money(current.OwnContributionVnd), Money(corrected.OwnContributionVnd));
        Compare(F.CoFunding, CoFundingRules.Describe(current.CoFunding), CoFundingRules.Describe(corrected.CoFunding));
        return (corrected, changes, []);
    }

    static string? Named(string? id, Func<string, FormChoice?> find) => id is null ? null : find(id)?.Name ?? id;

    static string? Money(long? amount) => amount is { } a ? Text.VietnameseFormat.Dong(a) : null;
}
