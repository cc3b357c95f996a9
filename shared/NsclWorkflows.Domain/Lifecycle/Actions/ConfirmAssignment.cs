namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>
/// The enterprise confirms, through its link, the task the Department ordered from it or assigned to it directly (đặt
/// hàng, giao trực tiếp; <see cref="Applications.ApplicationSubmission.Selection"/>): the file goes to appraisal as any
/// file does (its appraisers are told). On confirming it may correct its own particulars the officer typed
/// (<see cref="ParticularsCorrection.EnterpriseFields"/>: contact, legal representative, head office, sector, size, own
/// contribution, co-funding), checked as a submission is; never what the officer fixed (kind, title, content, amount,
/// budget item and year: the body has no such fields). The audit entry names each change.
/// </summary>
public sealed class ConfirmAssignment() : ActionDefinition<ConfirmAssignment.Body, ConfirmAssignment.Payload>(LifecycleAction.ConfirmAssignment,
    "confirm-assignment", Actor.Enterprise, (request, _, _) => new(request.Note, request.Particulars))
{
    /// <summary>The note and the particulars corrected (absent: unchanged; <c>coFunding: []</c>: none).</summary>
    public sealed record Body(
        string? Note,
        string? ContactName = null,
        string? ContactEmail = null,
        string? Phone = null,
        string? LegalRepresentativeName = null,
        string? LegalRepresentativePosition = null,
        string? Address = null,
        string? DistrictId = null,
        string? SectorCode = null,
        int? Employees = null,
        string? RevenueBandId = null,
        long? OwnContributionVnd = null,
        IReadOnlyList<CoFundingDraft?>? CoFunding = null) : ActionBody
    {
        public override ActionRequest Into(ActionRequest envelope)
        {
            var correction = new ParticularsCorrection
            {
                ContactName = ContactName, ContactEmail = ContactEmail, Phone = Phone, LegalRepresentativeName = LegalRepresentativeName,
                LegalRepresentativePosition = LegalRepresentativePosition, Address = Address, DistrictId = DistrictId, SectorCode = SectorCode,
                Employees = Employees, RevenueBandId = RevenueBandId, OwnContributionVnd = OwnContributionVnd, CoFunding = CoFunding,
            };
            return envelope with { Note = Block(Note), Particulars = correction.IsEmpty ? null : correction };
        }
    }

    protected override void Rules(InlineValidator<Body> body) => body.Note(b => b.Note);

    public sealed record Payload(string? Note, ParticularsCorrection? Correction);

    protected override IReadOnlyList<FieldError> Validate(Payload payload, Application application, ProgrammeCatalogue catalogue) =>
        payload.Correction is { } correction ? correction.ApplyTo(application.Submission, catalogue).Errors : [];

    internal override Decision Decide(StepContext c, ActionRequest request, Payload payload)
    {
        var changes = new List<string>();
        if (payload.Correction is { } correction && correction.ApplyTo(c.Application.Submission, c.Catalogue) is { Corrected: { } corrected } applied)
        {
            c.Application.CorrectParticulars(corrected);
            changes.AddRange(applied.Changes);
        }

        c.EnterAppraisal();
        var how = Applications.Selections.Vietnamese(c.Application.Submission.Selection);
        var detail = $"Doanh nghiệp xác nhận nhận nhiệm vụ {how}; chuyển thẩm định.";
        if (changes.Count > 0)
        {
            detail += $" Doanh nghiệp điều chỉnh thông tin: {string.Join("; ", changes)}.";
        }

        return c.Decision(c.Audit(request, AuditKinds.AssignmentConfirmed, payload.Note is null ? detail : $"{detail} {payload.Note}"));
    }
}
