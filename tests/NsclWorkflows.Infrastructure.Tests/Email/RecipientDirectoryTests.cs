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
    public void Officers_NamedAddressAndGroupTitle_GreetByNameAndTitleElseTheRolesTitle()
    {
        var directory = Directory(
            new RecipientGroup { Unit = "skhcn", Role = "HeadOfDivision", Title = " Trưởng phòng Quản lý khoa học ", Addresses = ["Trần Văn Phong <phong@x.vn>"] },
            Group("*", "HeadOfDivision", "truc@x.vn"), Group("*", "DirectorsOffice", "Văn phòng Sở <vp@x.vn>"));

        Assert.Equal(
            [new Recipient("phong@x.vn", "Trần Văn Phong", "Trưởng phòng Quản lý khoa học"), new Recipient("truc@x.vn", null, "Trưởng phòng phụ trách Chương trình NSCL")],
            directory.Officers("skhcn", NotificationAudience.HeadOfDivision));
        Assert.Equal([new Recipient("vp@x.vn", "Văn phòng Sở", "Chánh Văn phòng Sở")], directory.Officers("skhcn", NotificationAudience.DirectorsOffice));
    }

    [Fact]
    public void ContactFor_UnitOwnElseWildcard_NullWhenNone()
    {
        var own = new UnitContact { Unit = "sct", Name = "Phòng Quản lý thương mại", Phone = "0236 3822 000" };
        var any = new UnitContact { Unit = "*", Name = "Phòng Quản lý khoa học" };
        var directory = new RecipientDirectory(new StaticMonitor(new EmailOptions { UnitContacts = [any, own] }));

        Assert.Same(own, directory.ContactFor("SCT"));
        Assert.Same(any, directory.ContactFor("skhcn"));
        Assert.Null(Directory().ContactFor("skhcn"));
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
