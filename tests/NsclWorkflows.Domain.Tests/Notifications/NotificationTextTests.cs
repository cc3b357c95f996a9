using NsclWorkflows.Domain.Notifications;

namespace NsclWorkflows.Domain.Tests.Notifications;

public class NotificationTextTests
{
    [Fact]
    public void EveryEventAndAudience_HasItsOwnVietnameseName()
    {
        var events = Enum.GetValues<NotificationEvent>().Select(e => (Code: e.ToString(), Name: NotificationText.Event(e))).ToList();
        var audiences = Enum.GetValues<NotificationAudience>().Select(a => (Code: a.ToString(), Name: NotificationText.Audience(a))).ToList();

        foreach (var (code, name) in events.Concat(audiences))
        {
            Assert.True(name != code && name.Any(c => c > 127), $"{code} is shown as \"{name}\"");
        }

        Assert.Equal(events.Count, events.Select(e => e.Name).Distinct().Count());
        Assert.Equal(audiences.Count, audiences.Select(a => a.Name).Distinct().Count());
    }
}
