using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Infrastructure.Email;

namespace NsclWorkflows.Infrastructure.Tests.Email;

public sealed class EmailOptionsTests
{
    static EmailOptions Valid() => new()
    {
        SendGridApiKey = "SG.key",
        From = "no-reply@sokhcn.example.vn",
        PublicBaseUrl = "https://nscl.example.vn",
        Recipients = [new RecipientGroup { Unit = "dost", Role = "Appraiser", Addresses = ["a@x.vn"] }],
    };

    [Fact]
    public void Problems_ValidSettings_None() => Assert.Empty(Valid().Problems());

    [Fact]
    public void Problems_DefaultsAlone_NameEveryRequiredSetting()
    {
        var problems = new EmailOptions().Problems();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("SendGridApiKey"));
        Assert.Contains(problems, p => p.Contains(":From"));
        Assert.Contains(problems, p => p.Contains("PublicBaseUrl"));
    }

    [Fact]
    public void Problems_BadRecipientGroup_NamesItsIndex()
    {
        var options = Valid();
        options.Recipients.Add(new RecipientGroup { Unit = "", Role = "Chairman", Addresses = ["not an address"] });

        var problems = options.Problems();

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Contains("Recipients:1:", p));
    }

    [Fact]
    public void Problems_DirectorsOfficeGroupAndUnitContact_AcceptedWhenComplete()
    {
        var options = Valid();
        options.Recipients.Add(new RecipientGroup { Unit = "*", Role = "DirectorsOffice", Title = "Chánh Văn phòng Sở", Addresses = ["Văn phòng <vp@x.vn>"] });
        options.UnitContacts.Add(new UnitContact { Unit = "*", Name = "Phòng Quản lý khoa học", Phone = "0236 3822 000", Email = "qlkh@x.vn" });

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Problems_UnitContactWithoutUnitOrNameOrWithBadEmail_NamesItsIndex()
    {
        var options = Valid();
        options.UnitContacts.Add(new UnitContact { Unit = "*", Name = "Phòng Quản lý khoa học" });
        options.UnitContacts.Add(new UnitContact { Unit = " ", Name = "", Email = "not an address" });

        var problems = options.Problems();

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Contains("UnitContacts:1:", p));
    }

    [Theory]
    [InlineData("ftp://api.sendgrid.com")]
    [InlineData("api.sendgrid.com")]
    public void Problems_BaseUrlNotHttp_Reported(string baseUrl)
    {
        var options = Valid();
        options.BaseUrl = baseUrl;

        Assert.Contains(options.Problems(), p => p.Contains("BaseUrl"));
    }

    [Fact]
    public void RecipientRoles_EveryOfficerAudience_HasARole() =>
        Assert.All(Enum.GetValues<NotificationAudience>().Where(a => a is not (NotificationAudience.Enterprise or NotificationAudience.CouncilMember)),
            a => Assert.Contains(RecipientRoles.For(a), RecipientRoles.All));
}
