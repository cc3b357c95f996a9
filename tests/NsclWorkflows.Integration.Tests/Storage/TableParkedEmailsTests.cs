using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Storage;

/// <summary>Parked e-mails on Azurite: read back whole, the oldest first, the first parking kept, removed once.</summary>
[Collection(AzuriteCollection.Name)]
public class TableParkedEmailsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ParkListRemove_KeepsTheFirstParkingReadsOldestFirstAndRemovesOnce()
    {
        var store = new TableParkedEmails(new TableClientFactory(new TableServiceClient(azurite.ConnectionString),
            Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = $"pe{Guid.NewGuid():N}"[..15] })));
        var at = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
        var receipt = new NotificationRequest("app1", NotificationEvent.Receipt, "receipt", NotificationAudience.Enterprise, "skhcn",
            new Dictionary<string, string> { [NotificationFacts.TrackingCode] = "NSCL-2026-ABC123", ["x"] = "Công ty <Hòa Khánh> & \"Cộng sự\"" });
        var reminder = receipt with { Event = NotificationEvent.CheckInReminderDue, Occurrence = "check-in-1" };

        await store.ParkAsync(receipt, "503 Service Unavailable", at.AddMinutes(2), default);
        await store.ParkAsync(reminder, "timeout after 30 s", at, default);
        await store.ParkAsync(receipt, "429 Too Many Requests", at.AddMinutes(5), default); // the first parking stays

        var parked = await store.ListAsync(10, default);

        Assert.Equal([NotificationEvent.CheckInReminderDue, NotificationEvent.Receipt], parked.Select(p => p.Request.Event));
        var read = parked[1];
        Assert.Equal(("503 Service Unavailable", at.AddMinutes(2)), (read.Reason, read.ParkedAtUtc));
        Assert.Equal((receipt.ApplicationId, receipt.Occurrence, receipt.Audience, receipt.Unit), (read.Request.ApplicationId, read.Request.Occurrence, read.Request.Audience, read.Request.Unit));
        Assert.Equal(receipt.Facts.OrderBy(f => f.Key), read.Request.Facts.OrderBy(f => f.Key));
        Assert.Single(await store.ListAsync(1, default));

        await store.RemoveAsync(receipt, default);
        await store.RemoveAsync(receipt, default); // gone already: nothing happens

        Assert.Equal([NotificationEvent.CheckInReminderDue], (await store.ListAsync(10, default)).Select(p => p.Request.Event));
    }
}
