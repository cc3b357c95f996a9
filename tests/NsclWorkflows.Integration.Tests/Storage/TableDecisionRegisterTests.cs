using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Decisions;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>
/// The decision register on Azurite: numbers 1, 2, 3 … per year without a gap or a duplicate however many leaders sign at
/// once, and one number per application however often its decision is registered. Each test has its own tables.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class TableDecisionRegisterTests(AzuriteFixture azurite)
{
    static readonly DateOnly Day = new(2026, 12, 2);

    TableDecisionRegister NewRegister() => new(new TableClientFactory(
        new TableServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = $"dec{Guid.NewGuid():N}"[..15] })),
        NullLogger<TableDecisionRegister>.Instance);

    static DecisionRegistration Of(string applicationId, DateOnly signedOn, string signer = "Nguyễn Văn Ký") =>
        new(applicationId, $"NSCL-{signedOn.Year}-{applicationId[..6].ToUpperInvariant()}", "skhcn", DecisionKinds.SupportApproval, signedOn, signer, "Phó Giám đốc",
            "lanh.dao", DateTimeOffset.UtcNow);

    static string NewApplication() => Guid.NewGuid().ToString("N")[..26];

    [Fact]
    public async Task Register_TwentyApplicationsSignedAtOnce_NumbersOneToTwentyWithoutGapOrDuplicate()
    {
        var register = NewRegister();
        var applications = Enumerable.Range(0, 20).Select(_ => NewApplication()).ToList();

        var taken = await Task.WhenAll(applications.Select(id => register.RegisterAsync(Of(id, Day), CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 20), taken.Select(d => d.Number).Order());
        var listed = await register.ListAsync(2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20), listed.Select(d => d.Number));
        Assert.Equal(applications.Order(), listed.Select(d => d.ApplicationId).Order());
        Assert.All(taken, d => Assert.Equal(d.Number, listed.Single(l => l.ApplicationId == d.ApplicationId).Number));
        Assert.All(listed, d => Assert.Equal($"{d.Number}/QĐ-SKHCN", d.NumberAndSymbol));
    }

    /// <summary>Each sở numbers its own decisions (its sổ văn bản): Sở Công Thương's first is 1/QĐ-SCT, whatever the Department numbered.</summary>
    [Fact]
    public async Task Register_DecisionsOfSeveralUnits_EachUnitNumbersItsOwnFromOneWithItsSymbol()
    {
        var register = NewRegister();
        string[] units = ["skhcn", "sct", "skhcn", "sct", "snnptnt", "sct"];
        var taken = new List<RegisteredDecision>();
        foreach (var unit in units)
        {
            taken.Add(await register.RegisterAsync(Of(NewApplication(), Day) with { Unit = unit }, CancellationToken.None));
        }

        Assert.Equal(["1/QĐ-SKHCN", "1/QĐ-SCT", "2/QĐ-SKHCN", "2/QĐ-SCT", "1/QĐ-SNNPTNT", "3/QĐ-SCT"], taken.Select(d => d.NumberAndSymbol));
        Assert.Equal(units, taken.Select(d => d.Unit));
        var listed = await register.ListAsync(2026, CancellationToken.None);
        Assert.Equal(["1/QĐ-SKHCN", "2/QĐ-SKHCN", "1/QĐ-SCT", "2/QĐ-SCT", "3/QĐ-SCT", "1/QĐ-SNNPTNT"], listed.Select(d => d.NumberAndSymbol));
        Assert.All(listed, d => Assert.Equal(2026, d.Year));
        var again = await register.RegisterAsync(Of(taken[3].ApplicationId, Day) with { Unit = "sct" }, CancellationToken.None);
        Assert.Equal("2/QĐ-SCT", again.NumberAndSymbol); // its one number, in its unit's register
    }

    [Fact]
    public async Task Register_SameApplicationTwiceAndAtOnce_KeepsItsOneNumberAndTheNextGetsTheNext()
    {
        var register = NewRegister();
        var (first, second, third) = (NewApplication(), NewApplication(), NewApplication());
        await register.RegisterAsync(Of(first, Day), CancellationToken.None);

        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => register.RegisterAsync(Of(second, Day), CancellationToken.None)));
        var again = await register.RegisterAsync(Of(second, Day.AddDays(1), "Trần Thị Ký"), CancellationToken.None);
        var next = await register.RegisterAsync(Of(third, Day), CancellationToken.None);
        var nextYear = await register.RegisterAsync(Of(NewApplication(), new DateOnly(2027, 1, 4)), CancellationToken.None);

        Assert.All(racing, d => Assert.Equal(2, d.Number));
        Assert.Equal((2, "Trần Thị Ký", Day.AddDays(1)), (again.Number, again.SignerName, again.SignedOn));
        Assert.Equal(3, next.Number);
        Assert.Equal((2027, 1), (nextYear.Year, nextYear.Number));
        var listed = await register.ListAsync(2026, CancellationToken.None);
        Assert.Equal([(1, first), (2, second), (3, third)], listed.Select(d => (d.Number, d.ApplicationId)));
        Assert.Equal("Trần Thị Ký", listed[1].SignerName);
    }
}
