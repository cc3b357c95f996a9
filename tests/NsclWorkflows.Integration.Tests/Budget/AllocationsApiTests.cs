using System.Net.Http.Json;
using System.Text.Json;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Budget;

/// <summary>
/// Yearly allocations through the real standalone host: approving against a year without one, an Admin recording one
/// with its document, transfers between items, and the field checks. Years and items are chosen so no other test of
/// the shared Azurite ledger touches them (others approve IV.1 in 2025): IV.1 2026 here, I.2/I.3 in 2027, I.4 in 2028.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class AllocationsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Hub = "allocations";
    LifecycleClient client = null!;

    public async Task InitializeAsync() => client = new LifecycleClient((await azurite.SharedHostAsync(Hub, TimeSpan.FromMinutes(10))).Http);

    public Task DisposeAsync() => Task.CompletedTask;

    static object Allocation(int year, string lineId, long amountVnd) => new
    {
        kind = "allocation",
        year,
        lineId,
        amountVnd,
        documentNumber = "4567/QĐ-UBND",
        documentDate = "2025-12-20",
        documentIssuer = "UBND thành phố Đà Nẵng",
        note = "Giao dự toán chi sự nghiệp KH&CN",
    };

    Task<(int Status, JsonElement Body)> RecordAsync(object body, As caller) =>
        client.PostAsync("/api/budget/allocations", JsonContent.Create(body), caller);

    async Task<JsonElement> BudgetRowAsync(int year, string lineId)
    {
        var (status, body) = await client.GetAsync($"/api/budget?year={year}&line={lineId}", As.Clerk);
        Assert.Equal(200, status);
        return Assert.Single(body.GetProperty("lines").EnumerateArray());
    }

    /// <summary>An amount of the API, null when absent (the API leaves nulls out).</summary>
    static long? Amount(JsonElement row, string name) => row.TryGetProperty(name, out var value) ? value.GetInt64() : null;

    [Fact]
    public async Task Approve_2026WithoutAllocation_409NoAllocation_AfterAdminRecordsOne_SameApprovalPasses()
    {
        var (id, _) = await client.SubmitAsync(amount: 100_000_000);
        var timeout = TimeSpan.FromSeconds(60);
        await client.WaitStatusAsync(id, "AwaitingCompletenessReview", timeout);
        Assert.Equal(202, (await client.ActAsync(id, "accept-completeness", new { }, As.Clerk)).Status);
        await client.WaitStatusAsync(id, "UnderAppraisal", timeout);
        Assert.Equal(202, (await client.ActAsync(id, "submit-appraisal",
            new { recommendSupport = true, amountVnd = 100_000_000, scores = Sheets.Appraisal() }, As.Appraiser)).Status);
        await client.WaitStatusAsync(id, "AwaitingApproval", timeout);
        var approval = new { amountVnd = 100_000_000, budgetYear = 2026, note = "Đồng ý" };
        var before = await BudgetRowAsync(2026, "IV.1");

        var (refusedStatus, refused) = await client.ActAsync(id, "approve", approval, As.Leader);
        var (byLeader, _) = await RecordAsync(Allocation(2026, "IV.1", 500_000_000), As.Leader);
        var (recordedStatus, recorded) = await RecordAsync(Allocation(2026, "IV.1", 500_000_000), As.Admin);
        var (approvedStatus, approvedBody) = await client.ActAsync(id, "approve", approval, As.Leader);

        Assert.Equal(("none", (long?)null, (long?)null), (before.GetProperty("allocationSource").GetString(), Amount(before, "allocatedVnd"), Amount(before, "planVnd")));
        Assert.Equal(409, refusedStatus);
        Assert.Equal("no_allocation", refused.GetProperty("code").GetString());
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("IV.1", detail, StringComparison.Ordinal);
        Assert.Contains("năm 2026", detail, StringComparison.Ordinal);
        Assert.Contains("Quản trị hệ thống", detail, StringComparison.Ordinal);
        Assert.Equal(403, byLeader);
        Assert.Equal(201, recordedStatus);
        var entry = Assert.Single(recorded.GetProperty("entries").EnumerateArray());
        Assert.Equal(("allocate", 500_000_000L, "4567/QĐ-UBND", "2025-12-20"), (entry.GetProperty("kind").GetString(), entry.GetProperty("allocatedAfterVnd").GetInt64(),
            entry.GetProperty("document").GetProperty("number").GetString(), entry.GetProperty("document").GetProperty("date").GetString()));
        Assert.Equal(202, approvedStatus);
        Assert.True(approvedBody.GetProperty("accepted").GetBoolean());
        await client.WaitStatusAsync(id, "AwaitingDecisionSigning", timeout); // reserved at approval, before the decision is signed
        var after = await BudgetRowAsync(2026, "IV.1");
        Assert.Equal(("recorded", 500_000_000L, 100_000_000L, 400_000_000L), (after.GetProperty("allocationSource").GetString(),
            after.GetProperty("allocatedVnd").GetInt64(), after.GetProperty("reservedVnd").GetInt64(), after.GetProperty("remainingVnd").GetInt64()));
    }

    [Fact]
    public async Task Transfer_BetweenItems_MovesCeilingsAndIsInTheLog()
    {
        Assert.Equal(201, (await RecordAsync(Allocation(2027, "I.3", 200_000_000), As.Admin)).Status);
        Assert.Equal(201, (await RecordAsync(Allocation(2027, "I.2", 100_000_000), As.Admin)).Status);
        object Transfer(long amount) => new
        {
            kind = "transfer", year = 2027, fromLineId = "I.3", toLineId = "I.2", amountVnd = amount,
            documentNumber = "89/QĐ-SKHCN", documentDate = "2026-06-01", documentIssuer = "Sở Khoa học và Công nghệ", note = "Điều chỉnh theo mục V.2.b",
        };

        var (tooMuch, refusal) = await RecordAsync(Transfer(200_000_001), As.Admin);
        var (moved, body) = await RecordAsync(Transfer(50_000_000), As.Admin);

        Assert.Equal(409, tooMuch);
        Assert.Equal("transfer_exceeds_available", refusal.GetProperty("code").GetString());
        Assert.Equal(201, moved);
        Assert.Equal([("I.3", "transferOut", -50_000_000L), ("I.2", "transferIn", 50_000_000L)],
            body.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("lineId").GetString(), e.GetProperty("kind").GetString(), e.GetProperty("deltaVnd").GetInt64())));
        Assert.Equal(150_000_000, (await BudgetRowAsync(2027, "I.3")).GetProperty("allocatedVnd").GetInt64());
        Assert.Equal(150_000_000, (await BudgetRowAsync(2027, "I.2")).GetProperty("allocatedVnd").GetInt64());
        var (listed, log) = await client.GetAsync("/api/budget/allocations?year=2027", As.Clerk);
        Assert.Equal(200, listed);
        Assert.Equal(
            [("I.2", "allocate", "4567/QĐ-UBND"), ("I.2", "transferIn", "89/QĐ-SKHCN"), ("I.3", "allocate", "4567/QĐ-UBND"), ("I.3", "transferOut", "89/QĐ-SKHCN")],
            log.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("lineId").GetString(), e.GetProperty("kind").GetString(),
                e.GetProperty("document").GetProperty("number").GetString())));
        Assert.Equal(401, (await client.GetAsync("/api/budget/allocations?year=2027", As.Anonymous)).Status);
    }

    [Fact]
    public async Task Record_BadFields_422NamingEachField()
    {
        var (status, body) = await RecordAsync(new
        {
            kind = "allocation", year = 2036, lineId = "IV.3", amountVnd = -1, documentNumber = "", documentDate = "20/12/2025", extra = 1,
        }, As.Admin);
        var (sameItems, same) = await RecordAsync(new
        {
            kind = "transfer", year = 2028, fromLineId = "I.4", toLineId = "I.4", amountVnd = 0,
            documentNumber = "1/QĐ", documentDate = "2026-01-02", documentIssuer = "UBND",
        }, As.Admin);
        var (group, groupBody) = await RecordAsync(Allocation(2028, "IV", 1), As.Admin);

        Assert.Equal(422, status);
        Assert.Equal(
            [("amountVnd", "out_of_range"), ("documentDate", "invalid_format"), ("documentIssuer", "required"), ("documentNumber", "required"),
             ("extra", "unknown_field"), ("lineId", "out_of_range"), ("year", "out_of_range")],
            Errors(body).Order());
        Assert.Contains("lồng ghép", body.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "lineId")
            .GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(422, sameItems);
        Assert.Equal([("amountVnd", "out_of_range"), ("toLineId", "out_of_range")], Errors(same).Order());
        Assert.Equal(422, group);
        Assert.Equal([("lineId", "out_of_range")], Errors(groupBody));
        Assert.Equal("none", (await BudgetRowAsync(2028, "I.4")).GetProperty("allocationSource").GetString());

        static IEnumerable<(string?, string?)> Errors(JsonElement problem) =>
            problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
    }

    [Fact]
    public async Task Record_HostileTextInTheDocument_422InvalidCharactersAndNothingRecorded()
    {
        var body = new
        {
            kind = "allocation", year = 2028, lineId = "I.1", amountVnd = 1, documentNumber = "12\u202E/QĐ", documentDate = "2026-01-02",
            documentIssuer = "UBND", note = "ghi chú\uFFFF",
        };

        var (status, problem) = await RecordAsync(body, As.Admin);

        Assert.Equal(422, status);
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.Equal("invalid_characters", e.GetProperty("code").GetString()));
        Assert.Equal("none", (await BudgetRowAsync(2028, "I.1")).GetProperty("allocationSource").GetString());
    }

    [Fact]
    public async Task GetBudget_PlanYearAndLaterYear_PrintedFigureStandsThenNoAllocation()
    {
        var (_, y2025) = await client.GetAsync("/api/budget?year=2025", As.Clerk);
        var (_, y2029) = await client.GetAsync("/api/budget?year=2029", As.Clerk);

        var rows2025 = y2025.GetProperty("lines").EnumerateArray().ToList();
        var rows2029 = y2029.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["I.1", "I.2", "I.3", "I.4", "II.1", "III.1", "IV.1", "V.1", "V.2"], rows2029.Select(r => r.GetProperty("lineId").GetString()));
        Assert.All(rows2029, r => Assert.Equal(("none", (long?)null, 0L), (r.GetProperty("allocationSource").GetString(), Amount(r, "allocatedVnd"), r.GetProperty("remainingVnd").GetInt64())));
        var iv1 = rows2025.Single(r => r.GetProperty("lineId").GetString() == "IV.1");
        Assert.Equal(("plan", 800_000_000L, 800_000_000L), (iv1.GetProperty("allocationSource").GetString(),
            iv1.GetProperty("planVnd").GetInt64(), iv1.GetProperty("allocatedVnd").GetInt64()));
        Assert.Equal(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Year, y2025.GetProperty("currentYear").GetInt32());
    }
}
