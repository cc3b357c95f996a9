using System.Globalization;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Reliability;

/// <summary>
/// The fault campaign (issue 18). CI runs the short one: twenty lifecycles with one storage outage, one host
/// kill, one e-mail outage and one slow period. <c>NSCL_CAMPAIGN_APPLICATIONS=100 ./scripts/fault-campaign.sh</c>
/// runs the long one; its figures go in docs/reliability.md. Its own Azurite (it stops it), so it runs beside the rest.
/// </summary>
public class FaultCampaignTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Campaign_FaultsOfEveryKindDuringLifecycles_NothingLostDoubledOrStuck()
    {
        var size = Environment.GetEnvironmentVariable("NSCL_CAMPAIGN_APPLICATIONS");
        var options = size is null ? CampaignOptions.Short : CampaignOptions.Long(int.Parse(size, CultureInfo.InvariantCulture));
        await using var campaign = new FaultCampaign(options, output.WriteLine);

        var report = await campaign.RunAsync();
        output.WriteLine(report.ToString());

        Assert.Empty(report.Lost);
        Assert.Empty(report.AuditNotOnce);
        Assert.Empty(report.WrongEnd);
        Assert.False(report.EmailsListTruncated, "the capture's listing was full: not every e-mail was checked");
        Assert.Equal(0, report.DoubledEmails);
        Assert.Empty(report.SentNotDelivered);
        Assert.False(report.Workflows.ContainsKey("Failed"), $"failed workflows: {report.Workflows.GetValueOrDefault("Failed")}");
        Assert.Equal(report.ExpectedDisbursedVnd, report.DisbursedVnd);
        Assert.Equal(0, report.ReservedVnd);
    }
}
