using System.Text.Json;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Functions.Tests;

/// <summary>The action payload reader refuses recommendations and approvals above the file's cap as field errors on amountVnd.</summary>
public class ActionPayloadCapTests
{
    static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    static Application Routed(string kind, long requested, int nominees = 0)
    {
        var application = new Application("dddddddddddddddddddddddddd", "NSCL-2026-CAP001",
            new ApplicationSubmission("0401234567", "Công ty TNHH Thử", "Trần Thị B", "b@example.vn", "0912345678", kind, "Nhiệm vụ", "Tóm tắt", requested)
            {
                Nominees = nominees == 0 ? null : [.. Enumerable.Range(1, nominees).Select(i => new Nominee($"Người {i}", "Công ty TNHH Thử", null))],
            },
            Catalogue.Version, At, At.AddDays(5));
        application.RouteTo(Catalogue, Catalogue.FindKind(kind)!);
        return application;
    }

    static IReadOnlyList<FieldError> Read(string json, LifecycleAction action, Application application)
    {
        using var document = JsonDocument.Parse(json);
        return ActionPayloadReader.Read(document.RootElement, action, "Cán bộ", "Leader", application, Catalogue).Errors;
    }

    [Fact]
    public void Read_ApprovalAboveTheFilesCap_IsAFieldError()
    {
        var application = Routed("expert-training", 20_000_000, nominees: 1);
        application.Lifecycle.RecommendedAmountVnd = 25_000_000; // recommended before the cap was fixed

        var error = Assert.Single(Read("""{"amountVnd":25000000,"budgetYear":2025}""", LifecycleAction.Approve, application));

        Assert.Equal(("amountVnd", ErrorCodes.ExceedsKindMaximum), (error.Field, error.Code));
        Assert.Contains("20.000.000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AppraisalAboveTheCapForTwoNominees_IsAFieldError()
    {
        var application = Routed("expert-training", 50_000_000, nominees: 2);

        var errors = Read("""{"recommendSupport":true,"amountVnd":40000001,"scores":""" + Sheets.AppraisalJson + "}",
            LifecycleAction.SubmitAppraisal, application);

        Assert.Equal([("amountVnd", ErrorCodes.ExceedsKindMaximum)], errors.Select(e => (e.Field, e.Code)));
        Assert.Empty(Read("""{"recommendSupport":true,"amountVnd":40000000,"scores":""" + Sheets.AppraisalJson + "}",
            LifecycleAction.SubmitAppraisal, application));
    }

    [Fact]
    public void Read_IntegratedKind_HasNoCapOfThisPlan()
    {
        var application = Routed("e-commerce", 900_000_000);

        Assert.Null(ActionPayloadReader.CapOf(application, Catalogue));
        Assert.Empty(Read("""{"recommendSupport":true,"amountVnd":900000000,"scores":""" + Sheets.AppraisalJson + "}",
            LifecycleAction.SubmitAppraisal, application));
    }
}
