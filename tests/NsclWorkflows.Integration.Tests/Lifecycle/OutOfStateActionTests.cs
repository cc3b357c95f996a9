using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Lifecycle;

/// <summary>
/// Actions the application's state does not allow, each sent by the one who could take it in the right state:
/// 409 with code <c>invalid_transition</c>, the current status and the actions allowed now; nothing reaches the workflow.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class OutOfStateActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "outofstate";
    static readonly OnceAsync<((string Id, string Token) UnderReview, (string Id, string Token) Withdrawn)> Shared = new();
    (string Id, string Token)? underReview;
    (string Id, string Token)? withdrawn;
    LifecycleClient client = null!;

    public async Task InitializeAsync()
    {
        var host = await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10));
        client = new LifecycleClient(host.Http);
        (underReview, withdrawn) = await Shared.GetAsync(async () =>
        {
            var review = await client.SubmitAsync();
            await client.WaitStatusAsync(review.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            var gone = await client.SubmitAsync();
            await client.WaitStatusAsync(gone.Id, "AwaitingCompletenessReview", TimeSpan.FromSeconds(60));
            await client.ActAsync(gone.Id, "withdraw", new { note = "Rút hồ sơ" }, As.Enterprise(gone.Token));
            await client.WaitStatusAsync(gone.Id, "Withdrawn", TimeSpan.FromSeconds(60));
            return (review, gone);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string> Cases() => new()
    {
        // application awaiting its completeness review
        { "review", "resubmit", """{"note":"Bổ sung"}""" },
        { "review", "submit-appraisal", """{"recommendSupport":true,"amountVnd":1000000,"scores":[{"criterion":"A","score":1,"maxScore":2}]}""" },
        { "review", "approve", """{"amountVnd":1000000}""" },
        { "review", "reject", """{"note":"Không"}""" },
        { "review", "submit-check-in", """{"note":"Kỳ 1","percentDone":10}""" },
        { "review", "review-check-in", """{"accepted":true}""" },
        { "review", "request-extension", """{"newDueDate":"2030-01-01","note":"Gia hạn"}""" },
        { "review", "decide-extension", """{"granted":true}""" },
        { "review", "submit-final-report", """{"note":"Tổng kết"}""" },
        { "review", "evaluate", """{"passed":true}""" },
        { "review", "cancel", """{"note":"Hủy"}""" },
        { "review", "record-payment", """{"payableId":"checkin-1","paidOn":"2025-01-01","amountVnd":1000000,"treasuryReference":"KB-1"}""" },

        // withdrawn application: nothing is allowed any more
        { "withdrawn", "withdraw", """{"note":"Rút lần nữa"}""" },
        { "withdrawn", "accept-completeness", "{}" },
        { "withdrawn", "request-supplementation", """{"missingItems":["A"]}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Action_NotAllowedInState_Returns409WithStateAndAllowedActions(string which, string action, string body)
    {
        var (id, token) = which == "review" ? underReview!.Value : withdrawn!.Value;
        var caller = action is "resubmit" or "submit-check-in" or "request-extension" or "submit-final-report" or "withdraw"
            ? As.Enterprise(token)
            : As.Officer("lanh.dao.tong.hop", "Officer,Appraiser,Leader,Accountant");
        var before = await client.AuditKindsAsync(id);

        var (status, problem) = await client.ActAsync(id, action, JsonDocument.Parse(body).RootElement, caller);

        Assert.Equal(409, status);
        Assert.Equal("invalid_transition", problem.GetProperty("code").GetString());
        var context = problem.GetProperty("context");
        var expectedStatus = which == "review" ? "AwaitingCompletenessReview" : "Withdrawn";
        Assert.Equal(expectedStatus, context.GetProperty("currentStatus").GetString());
        var allowed = context.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(which == "review" ? ["accept-completeness", "request-supplementation", "withdraw"] : [], allowed);
        Assert.Equal(before, await client.AuditKindsAsync(id));
    }
}
