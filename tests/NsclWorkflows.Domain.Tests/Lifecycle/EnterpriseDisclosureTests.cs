using System.Text.Json;
using NsclWorkflows.Domain.Applications;
using DocumentKinds = NsclWorkflows.Domain.Documents.DocumentKinds;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Tests.Lifecycle;

/// <summary>The one rule of what the enterprise may know: its view, its history, its documents.</summary>
public class EnterpriseDisclosureTests
{
    static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    const string Id = "app00000000000000000000001";

    static LifecycleState Full()
    {
        var checkIn = new CheckInRecord { Number = 1, DueUtc = At, Status = CheckInStatus.Accepted, ReviewNote = "Báo cáo đạt yêu cầu", ReviewedBy = "chuyen.vien.b", TrancheVnd = 50 };
        return new LifecycleState
        {
            Unit = Units.ScienceAndTechnology,
            BudgetLineId = "IV.1",
            StepEscalations = 2,
            Supplementations = [new SupplementationRound(1, "chuyen.vien.a", ["Báo cáo tài chính"], "Bổ sung báo cáo tài chính", At, At.AddDays(5))],
            AppraisalsRequired = 2,
            Appraisals =
            [
                new AppraisalRecord("tham.dinh.a", [new CriterionScore("Tính khả thi", 7, 10)], 7, true, 90_000_000, "Nhận xét nội bộ A", At),
                new AppraisalRecord("tham.dinh.b", [new CriterionScore("Tính khả thi", 9, 10)], 9, true, 95_000_000, "Nhận xét nội bộ B", At),
            ],
            RecommendedAmountVnd = 90_000_000,
            Approval = new ApprovalRecord("lanh.dao.c", 90_000_000, 2026, "Phê duyệt", At),
            LastApprovalRefusal = "Dòng kinh phí IV.1 không đủ",
            CheckIns = [checkIn],
            CurrentCheckIn = 1,
            PendingExtension = new ExtensionRecord(1, new DateOnly(2026, 6, 30), "Chậm thiết bị", At) { Granted = true, DecidedBy = "chuyen.vien.d", DecisionNote = "Đồng ý" },
            Extensions = [new ExtensionRecord(1, new DateOnly(2026, 5, 30), "Lý do", At) { Granted = false, DecidedBy = "chuyen.vien.e", DecisionNote = "Không đủ căn cứ" }],
            Evaluation = new EvaluationRecord("lanh.dao.f", true, [new CriterionScore("Kết quả", 8, 10)], 90_000_000, "Đạt", At),
            AccessTokenHash = "abc123hash",
            AccessGeneration = 3,
            OpenTasks = [new OpenTask("Officer", "review", At)],
            NotificationFailures = ["Không gửi được thư tới lanh.dao@sokhcn.danang.gov.vn"],
        };
    }

    [Fact]
    public void Lifecycle_AfterAppraisal_HasNoAppraiserScoresCommentsOrRecommendation()
    {
        var shown = EnterpriseDisclosure.Lifecycle(Full());

        Assert.Empty(shown.Appraisals);
        Assert.Null(shown.RecommendedAmountVnd);
        Assert.Null(shown.LastApprovalRefusal);
        var json = JsonSerializer.Serialize(shown);
        foreach (var secret in new[] { "tham.dinh", "Nhận xét nội bộ", "95000000", "không đủ", "abc123hash", "lanh.dao@", "review" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Lifecycle_OfficerNames_ShownByRoleNeverByName()
    {
        var shown = EnterpriseDisclosure.Lifecycle(Full());

        var json = JsonSerializer.Serialize(shown);
        Assert.DoesNotContain("chuyen.vien", json, StringComparison.Ordinal);
        Assert.DoesNotContain("lanh.dao", json, StringComparison.Ordinal);
        Assert.Equal("Cán bộ xử lý hồ sơ", shown.Supplementations[0].RequestedBy);
        Assert.Equal("Lãnh đạo Sở", shown.Approval!.Leader);
        Assert.Equal("Lãnh đạo Sở", shown.Evaluation!.Leader);
        Assert.Equal("Cán bộ xử lý hồ sơ", shown.CheckIns[0].ReviewedBy);
        Assert.Equal("Cán bộ xử lý hồ sơ", shown.Extensions[0].DecidedBy);
    }

    [Fact]
    public void Lifecycle_WhatWasSentToTheEnterprise_IsKept()
    {
        var full = Full();
        var shown = EnterpriseDisclosure.Lifecycle(full);

        Assert.Equal(("Bổ sung báo cáo tài chính", 90_000_000L, "Báo cáo đạt yêu cầu", "Không đủ căn cứ", 2), (shown.Supplementations[0].Note,
            shown.Approval!.AmountVnd, shown.CheckIns[0].ReviewNote, shown.Extensions[0].DecisionNote, shown.AppraisalsRequired));
        Assert.Equal(full.Evaluation!.Scores, shown.Evaluation!.Scores); // the minutes the enterprise receives carry them
        Assert.Equal(2, full.Appraisals.Count); // the stored record is not changed
        Assert.Equal("chuyen.vien.a", full.Supplementations[0].RequestedBy);
    }

    [Fact]
    public void MayReadDocument_PerKind_SignedDecisionAndMinutesNotTheDraftNorTheAppraisalRecord()
    {
        Assert.True(EnterpriseDisclosure.MayReadDocument(DocumentKinds.SignedApprovalDecision));
        Assert.True(EnterpriseDisclosure.MayReadDocument(DocumentKinds.EvaluationMinutes));
        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.ApprovalDecision));
        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.AppraisalRecord));
        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.YearEndReport));
    }

    [Fact]
    public void MayReadDocument_DraftDecision_OnlyForAFileImplementedBeforeDecisionsWereSigned()
    {
        var awaitingSignature = new LifecycleState { Approval = new ApprovalRecord("lanh.dao.c", 90_000_000, 2026, null, At) };
        var signed = Full();
        signed.SignedDecision = new SignedDecisionRecord(15, "QĐ-SKHCN", 2026, new DateOnly(2026, 3, 2), "Nguyễn Văn Ký", "Phó Giám đốc", "qd.pdf", "lanh.dao.c", At);
        var legacy = Full(); // approved and in implementation, no signed decision: the draft it was offered then stays readable

        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.ApprovalDecision, awaitingSignature));
        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.ApprovalDecision, signed));
        Assert.True(EnterpriseDisclosure.MayReadDocument(DocumentKinds.SignedApprovalDecision, signed));
        Assert.True(EnterpriseDisclosure.MayReadDocument(DocumentKinds.ApprovalDecision, legacy));
        Assert.False(EnterpriseDisclosure.MayReadDocument(DocumentKinds.AppraisalRecord, legacy));
    }

    [Fact]
    public void ShowsAttachment_AnOfficersFileWhileTheDecisionAwaitsItsSignature_IsHiddenUntilRecorded()
    {
        var scan = new NsclWorkflows.Domain.Attachments.StoredAttachment("quyet-dinh-da-ky.pdf", "application/pdf", 10, At, "lanh.dao.c");
        var own = new NsclWorkflows.Domain.Attachments.StoredAttachment("bao-cao.pdf", "application/pdf", 10, At, EnterpriseDisclosure.EnterpriseActor);

        Assert.False(EnterpriseDisclosure.ShowsAttachment(scan, ApplicationStatus.AwaitingDecisionSigning));
        Assert.True(EnterpriseDisclosure.ShowsAttachment(own, ApplicationStatus.AwaitingDecisionSigning));
        Assert.True(EnterpriseDisclosure.ShowsAttachment(scan, ApplicationStatus.InImplementation));
        Assert.True(EnterpriseDisclosure.ShowsAttachment(scan, ApplicationStatus.AwaitingApproval));
    }

    [Fact]
    public void Lifecycle_SignedDecision_ShownWithTheSignerAndTheLeaderWhoRecordedItByRole()
    {
        var full = Full();
        full.SignedDecision = new SignedDecisionRecord(15, "QĐ-SKHCN", 2026, new DateOnly(2026, 3, 2), "Nguyễn Văn Ký", "Phó Giám đốc", "qd.pdf", "lanh.dao.c", At);

        var shown = EnterpriseDisclosure.Lifecycle(full).SignedDecision!;

        Assert.Equal(("15/QĐ-SKHCN", "Nguyễn Văn Ký", "Lãnh đạo Sở"), (shown.NumberAndSymbol, shown.SignerName, shown.RecordedBy));
        Assert.Equal("lanh.dao.c", full.SignedDecision.RecordedBy);
    }

    [Theory]
    [InlineData(AuditKinds.ApprovalRefused)]
    [InlineData(AuditKinds.Escalated)]
    [InlineData(AuditKinds.ActionIgnored)]
    [InlineData(AuditKinds.NotificationFailed)]
    [InlineData(AuditKinds.ReceiptAcknowledgedAgain)]
    [InlineData("SomeKindAddedLater")]
    public void HistoryEntry_InternalOrUnknownKind_IsHidden(string kind)
    {
        Assert.Null(EnterpriseDisclosure.HistoryEntry(Entry(kind, "chuyen.vien", "Officer", "nội bộ")));
    }

    [Fact]
    public void HistoryEntry_AppraisalSheets_OnlyTheEndIsShownWithoutScoresOrAmount()
    {
        var sheet = Entry(AuditKinds.AppraisalSubmitted, "tham.dinh.a", "Appraiser", "Phiếu thẩm định 1/2: 7 điểm.", "UnderAppraisal", "UnderAppraisal");
        var end = Entry(AuditKinds.AppraisalSubmitted, "tham.dinh.b", "Appraiser", "Thẩm định xong: đề xuất 90.000.000 đồng; chuyển phê duyệt.", "UnderAppraisal", "AwaitingApproval");

        Assert.Null(EnterpriseDisclosure.HistoryEntry(sheet));
        var shown = EnterpriseDisclosure.HistoryEntry(end)!;
        Assert.Equal("Hội đồng thẩm định", shown.Actor);
        Assert.DoesNotContain("90.000.000", shown.Detail, StringComparison.Ordinal);
        Assert.Equal(("UnderAppraisal", "AwaitingApproval"), (shown.FromStatus, shown.ToStatus));
    }

    [Fact]
    public void HistoryEntry_CompletenessAccepted_ShownByRoleWithoutTheOfficersNote()
    {
        var shown = EnterpriseDisclosure.HistoryEntry(Entry(AuditKinds.CompletenessAccepted, "chuyen.vien", "Officer", "Ghi chú nội bộ"))!;

        Assert.Equal(("Cán bộ xử lý hồ sơ", "Hồ sơ đầy đủ, hợp lệ; chuyển thẩm định."), (shown.Actor, shown.Detail));
    }

    [Fact]
    public void HistoryEntry_DecisionSentToTheEnterprise_KeepsItsWordsShowsTheOfficerByRole()
    {
        var shown = EnterpriseDisclosure.HistoryEntry(Entry(AuditKinds.Rejected, "lanh.dao", "Leader", "Ngoài phạm vi hỗ trợ"))!;

        Assert.Equal(("Lãnh đạo Sở", "Ngoài phạm vi hỗ trợ"), (shown.Actor, shown.Detail));
    }

    [Fact]
    public void HistoryEntry_EnterpriseAndSystemEntries_AsRecorded()
    {
        var own = Entry(AuditKinds.Resubmitted, "enterprise", "Enterprise", "Đã bổ sung");
        var system = Entry(AuditKinds.ReceiptAcknowledged, "system", "system", "Đã tiếp nhận hồ sơ");

        Assert.Equal(own, EnterpriseDisclosure.HistoryEntry(own));
        Assert.Equal(system, EnterpriseDisclosure.HistoryEntry(system));
    }

    [Fact]
    public void History_MixedEntries_KeepsTheShownOnesInOrder()
    {
        var history = EnterpriseDisclosure.History(
        [
            Entry(AuditKinds.Submitted, "a@congty.vn", "Enterprise", "Nộp"),
            Entry(AuditKinds.Escalated, "system", "system", "Quá hạn"),
            Entry(AuditKinds.CompletenessAccepted, "chuyen.vien", "Officer", "Ghi chú"),
        ]);

        Assert.Equal([AuditKinds.Submitted, AuditKinds.CompletenessAccepted], history.Select(e => e.Kind));
    }

    [Fact]
    public void Attachment_AddedByAnOfficer_ShowsTheRoleTheEnterprisesOwnAsStored()
    {
        var officers = new NsclWorkflows.Domain.Attachments.StoredAttachment("bien-ban.pdf", "application/pdf", 10, At, "chuyen.vien");
        var own = new NsclWorkflows.Domain.Attachments.StoredAttachment("giay-phep.png", "image/png", 10, At, "enterprise");

        Assert.Equal("Cán bộ xử lý hồ sơ", EnterpriseDisclosure.Attachment(officers).UploadedBy);
        Assert.Equal(own, EnterpriseDisclosure.Attachment(own));
    }

    static AuditEntry Entry(string kind, string actor, string role, string detail, string from = "Submitted", string to = "Submitted") =>
        new(Id, At, kind, actor, detail) { Role = role, FromStatus = from, ToStatus = to };
}
