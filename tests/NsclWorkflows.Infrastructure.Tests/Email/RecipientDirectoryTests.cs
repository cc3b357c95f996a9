using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email;

namespace NsclWorkflows.Infrastructure.Tests.Email;

public sealed class RecipientDirectoryTests
{
    static RecipientDirectory Directory(params RecipientGroup[] groups) =>
        new(new StaticMonitor(new EmailOptions { Recipients = [.. groups] }));

    static RecipientGroup Group(string unit, string role, params string[] addresses) => new() { Unit = unit, Role = role, Addresses = [.. addresses] };

    [Theory]
    [InlineData(NotificationAudience.Officers, "can-bo@x.vn")]
    [InlineData(NotificationAudience.Appraisers, "tham-dinh@x.vn")]
    [InlineData(NotificationAudience.Leaders, "lanh-dao@x.vn")]
    [InlineData(NotificationAudience.HeadOfDivision, "truong-phong@x.vn")]
    public void Officers_Audience_MapsToItsRole(NotificationAudience audience, string expected)
    {
        var directory = Directory(
            Group("dost", "Officer", "can-bo@x.vn"), Group("dost", "Appraiser", "tham-dinh@x.vn"),
            Group("dost", "Leader", "lanh-dao@x.vn"), Group("dost", "HeadOfDivision", "truong-phong@x.vn"));

        Assert.Equal([expected], directory.Officers("dost", audience).Select(r => r.Address));
    }

    [Fact]
    public void Officers_OtherUnitAndWildcard_OnlyOwnUnitPlusWildcardWithoutDuplicates()
    {
        var directory = Directory(
            Group("dost", "Appraiser", "a@x.vn", " B@x.vn "), Group("moit", "Appraiser", "c@x.vn"), Group("*", "appraiser", "b@x.vn", "d@x.vn"));

        Assert.Equal(["a@x.vn", "B@x.vn", "d@x.vn"], directory.Officers("DOST", NotificationAudience.Appraisers).Select(r => r.Address));
    }

    [Fact]
    public void Officers_NothingConfigured_IsEmpty() =>
        Assert.Empty(Directory().Officers("dost", NotificationAudience.Leaders));

    [Fact]
    public void Officers_Enterprise_IsNotAnOfficerAudience() =>
        Assert.Throws<ArgumentException>(() => Directory().Officers("dost", NotificationAudience.Enterprise));

    sealed class StaticMonitor(EmailOptions value) : IOptionsMonitor<EmailOptions>
    {
        public EmailOptions CurrentValue => value;

        public EmailOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<EmailOptions, string?> listener) => null;
    }
}
