using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Budget;

/// <summary>The real ledger on Azurite; each test gets its own table (a fresh prefix).</summary>
[Collection(AzuriteCollection.Name)]
public class TableBudgetLedgerTests(AzuriteFixture azurite, ITestOutputHelper output) : BudgetLedgerBehaviour(output)
{
    TableClientFactory? factory;

    protected override Task<IBudgetLedger> NewLedgerAsync()
    {
        var prefix = "ledger" + string.Concat(RandomNumberGenerator.GetBytes(6).Select(b => (char)('a' + (b % 26))));
        factory = new TableClientFactory(
            new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix }));
        return Task.FromResult<IBudgetLedger>(new TableBudgetLedger(factory, Plan, NullLogger<TableBudgetLedger>.Instance));
    }

    protected override long? ConflictRetries(IBudgetLedger ledger) => ((TableBudgetLedger)ledger).Statistics.ConflictRetries;

    [Fact]
    public async Task Apply_OnlyRefusals_WriteNoRowAtAll()
    {
        var ledger = await NewLedgerAsync();

        await ledger.ApplyAsync(Move("x1", Line2024, "app1", BudgetMovementKind.Reserve, 800_000_001), None);
        await ledger.ApplyAsync(Move("x2", Line2024, "app1", BudgetMovementKind.Release, 1), None);
        await ledger.ApplyAsync(Move("x3", Line2024, "app1", BudgetMovementKind.Commit, 1), None);
        await ledger.ApplyAsync(Move("x4", Line2024, "app1", BudgetMovementKind.Disburse, 1), None);
        await ledger.ApplyAsync(Move("x5", Line2024, "app1", BudgetMovementKind.Reserve, -1), None);

        var table = await factory!.GetAsync(TableNames.BudgetLedger, None);
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(cancellationToken: None))
        {
            rows++;
        }

        Assert.Equal(0, rows);
        Assert.Equal(new LedgerStatistics(0, 0), ((TableBudgetLedger)ledger).Statistics);
    }

    [Fact]
    public async Task Apply_FiftyConcurrentReserves_RaceWasReal()
    {
        // The race of the shared behaviour is only a test of concurrency if writers actually collided.
        var ledger = await NewLedgerAsync();
        await ledger.GetBalanceAsync(Line2024, None);
        var requests = Enumerable.Range(0, 50)
            .Select(i => Move($"m{i}", Line2024, $"app{i}", BudgetMovementKind.Reserve, 10_000_000)).ToArray();

        var results = await Race(requests, ledger);

        var statistics = ((TableBudgetLedger)ledger).Statistics;
        Output.WriteLine($"50 reserves of 10.000.000 (all fit): {statistics.Transactions} transactions, {statistics.ConflictRetries} conflict retries");
        Assert.All(results, r => Assert.True(r.Applied));
        Assert.Equal(50, statistics.Transactions);
        Assert.True(statistics.ConflictRetries > 0, "no writer collided: the race did not race");
        Assert.Equal(500_000_000, (await ledger.GetBalanceAsync(Line2024, None)).ReservedVnd);
        Assert.Equal(Enumerable.Range(1, 50), (await ledger.GetEntriesAsync(Line2024, None)).Select((_, i) => i + 1));
    }
}
