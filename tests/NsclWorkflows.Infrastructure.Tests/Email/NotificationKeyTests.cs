using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email;

namespace NsclWorkflows.Infrastructure.Tests.Email;

public sealed class NotificationKeyTests
{
    [Fact]
    public void Keys_SameEmailDifferentAddressCase_AreTheSame()
    {
        var a = new NotificationKey("app", NotificationEvent.Receipt, "1", "Hanh@X.vn");
        var b = new NotificationKey("app", NotificationEvent.Receipt, "1", "hanh@x.vn");

        Assert.Equal((a.PartitionKey, a.RowKey, a.MessageKey), (b.PartitionKey, b.RowKey, b.MessageKey));
    }

    [Theory]
    [InlineData("2", "hanh@x.vn")]
    [InlineData("1", "other@x.vn")]
    public void Keys_OtherOccurrenceOrRecipient_Differ(string occurrence, string recipient)
    {
        var a = new NotificationKey("app", NotificationEvent.Receipt, "1", "hanh@x.vn");
        var b = new NotificationKey("app", NotificationEvent.Receipt, occurrence, recipient);

        Assert.NotEqual(a.RowKey, b.RowKey);
        Assert.NotEqual(a.MessageKey, b.MessageKey);
    }

    [Theory]
    [InlineData("year/2025")]
    [InlineData("a#b?c")]
    [InlineData("")]
    public void PartitionKey_CharactersTablesRefuse_AreHashedAway(string id)
    {
        var key = new NotificationKey(id, NotificationEvent.YearEndReportReady, "kỳ 1/2026 #3", "x@y.vn");

        Assert.DoesNotContain(key.PartitionKey + key.RowKey, c => c is '/' or '\\' or '#' or '?');
        Assert.StartsWith("x-", key.PartitionKey);
    }
}
