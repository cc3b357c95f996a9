namespace NsclWorkflows.Domain.Notifications;

/// <summary>
/// The values an e-mail shows (<see cref="NotificationRequest.Facts"/>) and what each event needs.
/// <para>Facts are strings; the renderer formats them by the ending of their name:</para>
/// <list type="bullet">
/// <item><c>…Date</c>: an ISO 8601 date (<c>2026-03-31</c>) or instant (<c>2026-03-31T10:00:00Z</c>) → <c>31/03/2026</c> (Vietnam time);</item>
/// <item><c>…AmountVnd</c>: a whole number of đồng (<c>150000000</c>) → <c>150.000.000 đồng</c>;</item>
/// <item><c>…MillionVnd</c>: millions of đồng, <c>.</c> for decimals (<c>1234</c>, <c>12.5</c>) → <c>1.234 triệu đồng</c>, <c>12,5 triệu đồng</c>;</item>
/// <item><c>…Url</c>: an absolute http(s) address, or a path starting with <c>/</c> (put under the public base address);</item>
/// <item><c>…Items</c>: text, one item a line (templates show it as a list with <c>{{#list name}}</c>);</item>
/// <item>anything else: text, shown as given (HTML-escaped in the HTML part; line breaks kept).</item>
/// </list>
/// A value that does not parse is an error, as is a fact a template needs and the request lacks.
/// <see cref="Standard"/> facts come from the application and the configuration; a request must not carry them.
/// </summary>
public static class NotificationFacts
{
    // Standard: filled in by the notification service from the application (when the request's id is one).
    public const string EnterpriseName = "enterpriseName";
    public const string EnterpriseCode = "enterpriseCode";
    public const string TrackingCode = "trackingCode";
    public const string ApplicationTitle = "applicationTitle";
    public const string ContactName = "contactName";
    public const string RequestedAmountVnd = "requestedAmountVnd";
    public const string SubmittedDate = "submittedDate";

    /// <summary>Where the recipient sees the application: the enterprise's secret status link, or the officers' view.</summary>
    public const string Link = "link";

    /// <summary>The sở that handles the application and writes to the enterprise ("Sở Công Thương" for its files).</summary>
    public const string HandlingUnit = "handlingUnit";

    // Standard, per recipient: an officer's title (the role's, or the one configured for the address) and name when
    // the recipient directory knows it ("Họ tên <địa chỉ>"); officers' e-mails address the person with them.
    public const string RecipientTitle = "recipientTitle";
    public const string RecipientName = "recipientName";

    // Standard, enterprise e-mails: whom the enterprise contacts about its file (Nscl:Email:UnitContacts of the unit).
    public const string HandlerName = "handlerName";
    public const string HandlerPhone = "handlerPhone";
    public const string HandlerEmail = "handlerEmail";

    // Per event: given by the workflow.
    public const string DueDate = "dueDate";
    public const string MissingItems = "missingItems";
    public const string ResubmittedDate = "resubmittedDate";
    public const string Assignee = "assignee";
    public const string ProposedAmountVnd = "proposedAmountVnd";
    public const string ApprovedAmountVnd = "approvedAmountVnd";
    public const string DecisionDate = "decisionDate";
    public const string DecisionDocumentUrl = "decisionDocumentUrl";
    public const string Note = "note";
    public const string Reason = "reason";
    public const string PeriodName = "periodName";
    public const string ReviewResult = "reviewResult";
    public const string Decision = "decision";
    public const string NewDueDate = "newDueDate";
    public const string Result = "result";
    public const string EvaluationDate = "evaluationDate";
    public const string WithdrawnDate = "withdrawnDate";
    public const string Year = "year";
    public const string ReportUrl = "reportUrl";
    public const string AsOfDate = "asOfDate";
    public const string EnterpriseCount = "enterpriseCount";
    public const string ApprovedMillionVnd = "approvedMillionVnd";
    public const string DisbursedMillionVnd = "disbursedMillionVnd";
    public const string StepName = "stepName";
    public const string ActivityTitle = "activityTitle";
    public const string BudgetLine = "budgetLine";
    public const string OfficerName = "officerName";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    public const string ActivityUrl = "activityUrl";
    public const string ReportTitle = "reportTitle";
    public const string UnitName = "unitName";
    public const string Addressee = "addressee";
    public const string InputUrl = "inputUrl";
    public const string RunUrl = "runUrl";

    /// <summary>The signed decision's number and symbol ("15/QĐ-SKHCN").</summary>
    public const string DecisionNumber = "decisionNumber";

    /// <summary>A payable tranche as people name it ("kinh phí đợt 1 (báo cáo định kỳ lần 1)").</summary>
    public const string PaymentName = "paymentName";

    /// <summary>The amount of a payable tranche, and of its payment.</summary>
    public const string PayableAmountVnd = "payableAmountVnd";

    public const string PaidAmountVnd = "paidAmountVnd";

    /// <summary>The date a tranche was paid.</summary>
    public const string PaidDate = "paidDate";

    /// <summary>Council: its name, the member's address, name, title and role, their page, the applications, who has not answered, the officers' page.</summary>
    public const string CouncilName = "councilName";
    public const string MemberEmail = "memberEmail";
    public const string MemberName = "memberName";
    public const string MemberTitle = "memberTitle";
    public const string MemberRole = "memberRole";
    public const string MemberUrl = "memberUrl";
    public const string Applications = "applications";
    public const string PendingMembers = "pendingMembers";

    /// <summary>What the council is asked to do, as the invitation says it (appraising applications, or evaluating results).</summary>
    public const string CouncilTask = "councilTask";

    /// <summary>Set when the invitation carries a re-issued link: the one sent before no longer works.</summary>
    public const string LinkReissued = "linkReissued";
    public const string CouncilUrl = "councilUrl";
    /// <summary>A call for applications: its title, close date, envelope, the applications it received and its page.</summary>
    public const string CallTitle = "callTitle";

    public const string CloseDate = "closeDate";

    public const string EnvelopeAmountVnd = "envelopeAmountVnd";

    public const string ApplicationCount = "applicationCount";

    public const string CallUrl = "callUrl";

    /// <summary>How the task is selected: "đặt hàng" or "giao trực tiếp".</summary>
    public const string SelectionName = "selectionName";

    public static readonly IReadOnlySet<string> Standard = new HashSet<string>(StringComparer.Ordinal)
    {
        EnterpriseName, EnterpriseCode, TrackingCode, ApplicationTitle, ContactName, RequestedAmountVnd, SubmittedDate, Link, HandlingUnit,
        RecipientTitle, RecipientName, HandlerName, HandlerPhone, HandlerEmail,
    };

    /// <summary>What the workflow gives for <paramref name="notificationEvent"/>, and who the e-mail is written for.</summary>
    public static NotificationEventFacts For(NotificationEvent notificationEvent) => notificationEvent switch
    {
        NotificationEvent.Receipt => new(NotificationAudience.Enterprise, [DueDate]),
        NotificationEvent.SupplementationRequested => new(NotificationAudience.Enterprise, [MissingItems, DueDate], [Note]),
        NotificationEvent.SupplementationReminder => new(NotificationAudience.Enterprise, [MissingItems, DueDate]),
        NotificationEvent.ResubmissionReceived => new(NotificationAudience.Officers, [ResubmittedDate]),
        NotificationEvent.AppraisalAssigned => new(NotificationAudience.Appraisers, [DueDate], [Note]),
        NotificationEvent.AppraisalReminder => new(NotificationAudience.Appraisers, [DueDate]),
        NotificationEvent.AppraisalEscalated => new(NotificationAudience.HeadOfDivision, [DueDate], [Assignee]),
        NotificationEvent.ApprovalRequested => new(NotificationAudience.Leaders, [ProposedAmountVnd, DueDate], [Note]),
        NotificationEvent.ApprovalReminder => new(NotificationAudience.Leaders, [DueDate]),
        NotificationEvent.ApprovalEscalated => new(NotificationAudience.DirectorsOffice, [DueDate]),
        NotificationEvent.Approved => new(NotificationAudience.Enterprise, [ApprovedAmountVnd, DecisionDate], [DecisionDocumentUrl, Note, DecisionNumber]),
        NotificationEvent.Rejected => new(NotificationAudience.Enterprise, [Reason, DecisionDate], [DecisionDocumentUrl]),
        NotificationEvent.CheckInReminderBefore => new(NotificationAudience.Enterprise, [PeriodName, DueDate]),
        NotificationEvent.CheckInReminderDue => new(NotificationAudience.Enterprise, [PeriodName, DueDate]),
        NotificationEvent.CheckInReminderOverdue => new(NotificationAudience.Enterprise, [PeriodName, DueDate]),
        NotificationEvent.CheckInEscalated => new(NotificationAudience.Officers, [PeriodName, DueDate]),
        NotificationEvent.CheckInReviewed => new(NotificationAudience.Enterprise, [PeriodName, ReviewResult], [Note]),
        NotificationEvent.ExtensionDecided => new(NotificationAudience.Enterprise, [Decision], [NewDueDate, Reason]),
        NotificationEvent.FinalEvaluationResult => new(NotificationAudience.Enterprise, [Result, EvaluationDate], [Note, DecisionDocumentUrl, DecisionNumber, DecisionDate]),
        NotificationEvent.Withdrawn => new(NotificationAudience.Officers, [WithdrawnDate], [Reason]),
        NotificationEvent.Expired => new(NotificationAudience.Enterprise, [Reason]),
        NotificationEvent.Cancelled => new(NotificationAudience.Enterprise, [Reason]),
        NotificationEvent.YearEndReportReady => new(NotificationAudience.Leaders,
            [Year, ReportUrl, AsOfDate, EnterpriseCount, ApprovedMillionVnd, DisbursedMillionVnd]),
        NotificationEvent.StepEscalated => new(NotificationAudience.HeadOfDivision, [StepName, DueDate], [Assignee]),
        NotificationEvent.ActivityStartReminder => new(NotificationAudience.Officers, [ActivityTitle, BudgetLine, OfficerName, StartDate, EndDate, ActivityUrl]),
        NotificationEvent.ActivityResultRequested => new(NotificationAudience.Officers, [ActivityTitle, BudgetLine, OfficerName, EndDate, ActivityUrl]),
        NotificationEvent.ActivityResultEscalated => new(NotificationAudience.HeadOfDivision, [ActivityTitle, BudgetLine, OfficerName, EndDate, ActivityUrl]),
        NotificationEvent.ReportInputRequested => new(NotificationAudience.LeadUnit, [ReportTitle, UnitName, Addressee, PeriodName, DueDate, InputUrl]),
        NotificationEvent.ReportInputReminder => new(NotificationAudience.LeadUnit, [ReportTitle, UnitName, DueDate, InputUrl]),
        NotificationEvent.ReportInputEscalated => new(NotificationAudience.HeadOfDivision, [ReportTitle, UnitName, DueDate, RunUrl]),
        NotificationEvent.ReportDraftReminder => new(NotificationAudience.Officers, [ReportTitle, DueDate, RunUrl]),
        NotificationEvent.ReportApprovalReminder => new(NotificationAudience.Leaders, [ReportTitle, DueDate, RunUrl]),
        NotificationEvent.ReportOverdue => new(NotificationAudience.Leaders, [ReportTitle, StepName, DueDate, RunUrl]),
        NotificationEvent.DecisionSigningRequested => new(NotificationAudience.Leaders, [ApprovedAmountVnd, DueDate], [Note]),
        NotificationEvent.DecisionSigningReminder => new(NotificationAudience.Leaders, [DueDate]),
        NotificationEvent.DecisionSigningEscalated => new(NotificationAudience.DirectorsOffice, [DueDate]),
        NotificationEvent.RecognitionSigningRequested => new(NotificationAudience.Leaders, [ApprovedAmountVnd, DueDate], [Note]),
        NotificationEvent.RecognitionSigningReminder => new(NotificationAudience.Leaders, [DueDate]),
        NotificationEvent.RecognitionSigningEscalated => new(NotificationAudience.DirectorsOffice, [DueDate]),
        NotificationEvent.PaymentRecorded => new(NotificationAudience.Enterprise, [PaymentName, PaidAmountVnd, PaidDate]),
        NotificationEvent.PaymentReminder => new(NotificationAudience.Accountants, [PaymentName, PayableAmountVnd, DueDate]),
        NotificationEvent.CouncilMemberInvited => new(NotificationAudience.CouncilMember, [CouncilName, MemberName, MemberRole, Applications, DueDate, MemberUrl, CouncilTask], [MemberTitle, MemberEmail, LinkReissued]),
        NotificationEvent.CouncilMemberReminder => new(NotificationAudience.CouncilMember, [CouncilName, MemberName, DueDate, MemberUrl], [MemberTitle, MemberEmail]),
        NotificationEvent.CouncilEscalated => new(NotificationAudience.Leaders, [CouncilName, PendingMembers, DueDate, CouncilUrl]),
        NotificationEvent.CouncilOverdue => new(NotificationAudience.Leaders, [CouncilName, DueDate, CouncilUrl], [PendingMembers]),
        NotificationEvent.CallClosed => new(NotificationAudience.Officers, [CallTitle, BudgetLine, CloseDate, EnvelopeAmountVnd, ApplicationCount, DueDate, CallUrl]),
        NotificationEvent.CallFinalisationReminder => new(NotificationAudience.Officers, [CallTitle, BudgetLine, CloseDate, ApplicationCount, DueDate, CallUrl]),
        NotificationEvent.CallFinalisationEscalated => new(NotificationAudience.Leaders, [CallTitle, BudgetLine, CloseDate, ApplicationCount, DueDate, CallUrl]),
        NotificationEvent.AssignmentOffered => new(NotificationAudience.Enterprise, [SelectionName, DueDate]),
        _ => throw new ArgumentOutOfRangeException(nameof(notificationEvent), notificationEvent, "No facts are defined for this event."),
    };
}

/// <summary>The audience an event's e-mail is written for, the facts its request must carry, and those it may carry.</summary>
public sealed record NotificationEventFacts(NotificationAudience Audience, IReadOnlyList<string> Required, IReadOnlyList<string>? Optional = null)
{
    public IReadOnlyList<string> OptionalFacts => Optional ?? [];
}
