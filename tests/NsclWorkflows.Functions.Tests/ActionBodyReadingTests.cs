using System.Text.Json;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// An action's JSON body is read strictly into the action's own record (chosen by the URL's name): unknown fields and
/// fields of another action are refused, every one named; wrong types are field errors beside the other fields' rules;
/// a valid body becomes the envelope the machine decides on.
/// </summary>
public class ActionBodyReadingTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DeadlinePlanner Planner = new(VietnamStatutoryCalendar.FromEmbeddedData(), new DeadlineOptions());
    static readonly DateTimeOffset At = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);

    static Application Received()
    {
        var application = new Application("eeeeeeeeeeeeeeeeeeeeeeeeee", "NSCL-2025-BODY01",
            new ApplicationSubmission("0401234567", "Công ty TNHH Thử", "Trần Thị B", "b@example.vn", "0912345678", "productivity-tools", "Nhiệm vụ", "Tóm tắt", 300_000_000),
            Catalogue.Version, At, At.AddDays(5));
        return application;
    }

    static (ActionRequest? Request, IReadOnlyList<FieldError> Errors) Read(string json, LifecycleAction action, Application? application = null)
    {
        using var document = JsonDocument.Parse(json);
        return ActionPayloadReader.Read(document.RootElement, action, "Cán bộ", "Officer", application ?? Received(), Catalogue, At);
    }

    static (string Field, string Code)[] Codes(IReadOnlyList<FieldError> errors) => [.. errors.Select(e => (e.Field, e.Code))];

    [Fact]
    public void Read_FieldOfAnotherAction_IsAnUnknownField()
    {
        var (request, errors) = Read("""{"note":"Đủ hồ sơ","amountVnd":5000000}""", LifecycleAction.AcceptCompleteness);

        Assert.Null(request);
        var error = Assert.Single(errors);
        Assert.Equal(("amountVnd", ErrorCodes.UnknownField, "Trường \"amountVnd\" không được hỗ trợ."), (error.Field, error.Code, error.Message));
    }

    [Fact]
    public void Read_SeveralUnknownFields_NamesEveryOne()
    {
        var (_, errors) = Read("""{"reason":"x","Note":"y","note":"Đã gọi điện"}""", LifecycleAction.AddNote);

        Assert.Equal([("reason", ErrorCodes.UnknownField), ("Note", ErrorCodes.UnknownField)], Codes(errors));
    }

    [Fact]
    public void Read_WrongTypes_AreFieldErrorsBesideTheOtherFieldsRules()
    {
        var (_, errors) = Read("""{"budgetYear":"2025","note":7}""", LifecycleAction.Approve);

        Assert.Equal([("budgetYear", ErrorCodes.WrongType), ("note", ErrorCodes.WrongType), ("amountVnd", ErrorCodes.Required)], Codes(errors));
        Assert.Equal("Năm ngân sách phải là một số nguyên.", errors[0].Message);
        Assert.Equal("Vui lòng nhập số tiền.", errors[2].Message);
    }

    [Theory]
    [InlineData("""{"missingItems":["Báo giá",3]}""", "missingItems", ErrorCodes.WrongType)]
    [InlineData("""{"missingItems":["  "]}""", "missingItems", ErrorCodes.Required)]
    [InlineData("""{"missingItems":["Báo giá",null]}""", "missingItems", ErrorCodes.WrongType)]
    [InlineData("""{"missingItems":["Báo giá"],"workingDays":61}""", "workingDays", ErrorCodes.OutOfRange)]
    [InlineData("""{"missingItems":["Báo giá"],"workingDays":1.5}""", "workingDays", ErrorCodes.WrongType)]
    public void Read_SupplementationFieldRules_AnswerAsBefore(string json, string field, string code)
    {
        var (_, errors) = Read(json, LifecycleAction.RequestSupplementation);

        Assert.Equal([(field, code)], Codes(errors));
    }

    [Theory]
    [InlineData("""{"recommendSupport":false,"scores":[{"criterion":"A","score":1e400,"maxScore":10}]}""", "scores[0]", ErrorCodes.OutOfRange)]
    [InlineData("""{"recommendSupport":false,"scores":[{"criterion":"A","maxScore":10}]}""", "scores[0]", ErrorCodes.InvalidFormat)]
    [InlineData("""{"recommendSupport":false,"scores":[{"criterion":"A","score":"8","maxScore":10}]}""", "scores[0]", ErrorCodes.InvalidFormat)]
    [InlineData("""{"recommendSupport":false,"scores":[{"criterion":"A","score":11,"maxScore":10}]}""", "scores[0]", ErrorCodes.OutOfRange)]
    [InlineData("""{"recommendSupport":false,"scores":[{"criterion":" ","score":1,"maxScore":10}]}""", "scores[0].criterion", ErrorCodes.InvalidFormat)]
    [InlineData("""{"recommendSupport":false,"scores":[]}""", "scores", ErrorCodes.Required)]
    [InlineData("""{"recommendSupport":true,"scores":[{"criterion":"A","score":8,"maxScore":10}]}""", "amountVnd", ErrorCodes.Required)]
    [InlineData("""{"recommendSupport":false,"scores":[{"criterion":"A","score":1,"comment":"\u202Eexe"}]}""", "scores[0]", ErrorCodes.InvalidCharacters)]
    public void Read_AppraisalScores_AnswerPerItem(string json, string field, string code)
    {
        var (_, errors) = Read(json, LifecycleAction.SubmitAppraisal);

        Assert.Equal([(field, code)], Codes(errors));
    }

    [Fact]
    public void Read_ValidTypedBodies_AreWhatTheMachineDecides()
    {
        var machine = new LifecycleMachine(Catalogue, Planner);
        var application = Received();
        Step(null, StepKind.Receive);
        Step("""{"note":"  Hồ sơ đầy đủ \n"}""", StepKind.Action, LifecycleAction.AcceptCompleteness);
        Assert.Equal("Hồ sơ đầy đủ", application.DecisionNote);

        // Criteria named by id or by name (any case, spaces around): recorded with the rubric's names and maxima, comments kept.
        Step("""{"recommendSupport":true,"amountVnd":200000000,"scores":[{"criterion":" SỰ CẦN THIẾT, TÍNH PHÙ HỢP VỚI MỤC TIÊU VÀ NỘI DUNG CỦA KẾ HOẠCH ","score":12,"comment":" Cần thiết. "},"""
            + """{"criterion":"noi-dung","score":20},{"criterion":"nang-luc","score":16},{"criterion":"hieu-qua","score":20},{"criterion":"kinh-phi","score":12,"maxScore":15}],"note":null}""",
            StepKind.Action, LifecycleAction.SubmitAppraisal);
        Assert.Equal((ApplicationStatus.AwaitingApproval, 200_000_000L), (application.Status, application.Lifecycle.RecommendedAmountVnd));
        var first = Assert.Single(application.Lifecycle.Appraisals).Scores[0];
        Assert.Equal(("Sự cần thiết, tính phù hợp với mục tiêu và nội dung của Kế hoạch", 12m, 15m, "Cần thiết.", "can-thiet"),
            (first.Criterion, first.Score, first.MaxScore, first.Comment, first.CriterionId));
        Assert.Equal(80, application.Lifecycle.AppraisalOutcome!.Total);

        var (approval, errors) = Read("""{"amountVnd":150000000,"budgetYear":2026}""", LifecycleAction.Approve, application);
        Assert.Empty(errors);
        var step = Next(approval);
        var reserve = Assert.Single(machine.LedgerMovesFor(application, step));
        Assert.Equal((BudgetMovementKind.Reserve, 150_000_000L, 2026), (reserve.Kind, reserve.AmountVnd, reserve.Key.Year));
        Assert.True(machine.Apply(application, step).Result.Applied);
        Assert.Equal((ApplicationStatus.AwaitingDecisionSigning, 150_000_000L, 2026), (application.Status, application.Lifecycle.Approval!.AmountVnd, application.Lifecycle.Approval.BudgetYear));

        // The signed decision, read as the leader sends it; the register's number comes with the step.
        using var signing = JsonDocument.Parse("""{"signedOn":"2025-03-03","signerName":"  Nguyễn Văn Ký ","signerTitle":"Phó Giám đốc","signedFile":"qd.pdf"}""");
        var (signed, signingErrors) = ActionPayloadReader.Read(signing.RootElement, LifecycleAction.RecordSignedDecision, "Lãnh đạo", "Leader", application, Catalogue, At);
        Assert.Empty(signingErrors);
        Assert.Equal(("Nguyễn Văn Ký", new DateOnly(2025, 3, 3)), (signed!.SignerName, signed.SignedOn));
        var signingStep = Next(signed);
        var registration = machine.DecisionToRegister(application, signingStep)!;
        var number = new NsclWorkflows.Domain.Decisions.RegisteredDecision(registration.Year, 1, registration.Symbol, registration.ApplicationId, registration.TrackingCode,
            registration.Unit, registration.Kind, registration.SignedOn, registration.SignerName, registration.SignerTitle, registration.RecordedBy, registration.AtUtc);
        Assert.True(machine.Apply(application, signingStep, registered: number).Result.Applied);
        Assert.Equal((ApplicationStatus.InImplementation, "1/QĐ-SKHCN"), (application.Status, application.Lifecycle.SignedDecision!.NumberAndSymbol));

        void Step(string? json, StepKind kind, LifecycleAction action = default)
        {
            var request = json is null ? null : Read(json, action, application) is ({ } read, []) ? read : throw new InvalidOperationException(json);
            Assert.True(machine.Apply(application, Next(request, kind)).Result.Applied);
        }

        StepCommand Next(ActionRequest? request, StepKind kind = StepKind.Action) =>
            new(application.Id, application.LastSequence + 1, kind, At.AddHours(application.LastSequence + 1)) { Action = request };
    }
}
