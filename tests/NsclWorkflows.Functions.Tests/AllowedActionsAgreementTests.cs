using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// The application view offers only actions the action endpoint takes: for a file just submitted (its workflow has
/// not recorded receipt yet) and after receipt, for the enterprise and every officer role.
/// </summary>
public sealed class AllowedActionsAgreementTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Callers() => ["enterprise", "officer", "appraiser", "leader", "admin"];

    [Theory]
    [MemberData(nameof(Callers))]
    public void View_JustSubmittedFile_OffersOnlyActionsTheEndpointAllows(string who)
    {
        var application = JustSubmitted();

        var offered = ApplicationView.From(application, Caller(who)).AllowedActions;
        var taken = ApplicationActionHandler.AllowedNow(application).Select(ActionNames.Of).ToList();

        Assert.All(offered, action => Assert.Contains(action, taken));
    }

    [Fact]
    public void Endpoint_JustSubmittedFile_TakesWhatTheViewOffersTheEnterpriseAndTheAdmin()
    {
        var application = JustSubmitted();

        Assert.Equal(["withdraw"], ApplicationView.From(application, Caller("enterprise")).AllowedActions);
        Assert.Equal(["accept-completeness", "request-supplementation"], ApplicationView.From(application, Caller("admin")).AllowedActions);
        Assert.Equal(["accept-completeness", "request-supplementation", "withdraw"], ApplicationActionHandler.AllowedNow(application).Select(ActionNames.Of));
    }

    static Application JustSubmitted()
    {
        var application = new Application(ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray()), "NSCL-2026-ABCDEF",
            new ApplicationSubmission("0401234567", "Công ty A", "Nguyễn Văn A", "a@congty.vn", "0236382200", "productivity-tools",
                "Áp dụng 5S", "Triển khai 5S tại xưởng sản xuất chính của công ty.", 100_000_000),
            EmbeddedCatalogue.Load().Version, Now, Now.AddDays(7));
        Assert.Equal((ApplicationStatus.Submitted, 0, string.Empty), (application.Status, application.LastSequence, application.Lifecycle.Unit));
        return application;
    }

    static Caller Caller(string who) => who switch
    {
        "enterprise" => new Caller(null, true),
        "admin" => new Caller(new Officer("oid-admin", "Quản trị", new HashSet<string> { OfficerRoles.Admin }, "sct"), false),
        _ => new Caller(new Officer("oid-" + who, who, new HashSet<string> { char.ToUpperInvariant(who[0]) + who[1..] }, "skhcn"), false),
    };
}
