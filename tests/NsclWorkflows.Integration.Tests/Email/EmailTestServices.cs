using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Infrastructure;

namespace NsclWorkflows.Integration.Tests.Email;

/// <summary>
/// The production composition of the infrastructure (AddNsclInfrastructure: tables on Azurite, the real SendGrid
/// client over IHttpClientFactory) pointed at a capture server, with officers' addresses for unit "dost".
/// </summary>
static class EmailTestServices
{
    public const string Unit = "dost";
    public const string Appraiser = "tham-dinh@sokhcn.example.vn";
    public const string Leader = "lanh-dao@sokhcn.example.vn";
    public const string HeadOfDivision = "truong-phong@sokhcn.example.vn";
    public const string Officer = "can-bo@sokhcn.example.vn";
    public const string SecondOfficer = "can-bo-2@sokhcn.example.vn";
    public const string LeadUnit = "bao-cao@dost.example.vn";
    public const string DirectorsOffice = "van-phong@sokhcn.example.vn";
    public const string Accountant = "ke-toan@sokhcn.example.vn";

    /// <summary>The head of division's name and title as configured (greeted by them).</summary>
    public const string HeadOfDivisionName = "Trần Văn Phong";
    public const string HeadOfDivisionTitle = "Trưởng phòng Quản lý khoa học";

    /// <summary>The line enterprise e-mails end with: whom to contact (Nscl:Email:UnitContacts).</summary>
    public const string UnitContactLine = "Liên hệ về hồ sơ: Phòng Quản lý khoa học, điện thoại 0236 3822 111, e-mail qlkh@sokhcn.example.vn.";
    public const string PublicBaseUrl = "https://nscl.test.example.vn";

    public static Dictionary<string, string?> Settings(string storage, string prefix, CaptureServer capture) => new()
    {
        ["AzureWebJobsStorage"] = storage,
        ["Nscl:Storage:TablePrefix"] = prefix,
        ["Nscl:AccessLinks:SigningKey"] = "email-tests-signing-key-0123456789abcdef",
        ["Nscl:Email:SendGridApiKey"] = "SG.test-key",
        ["Nscl:Email:From"] = "no-reply@sokhcn.example.vn",
        ["Nscl:Email:BaseUrl"] = capture.SendGridBaseUrl,
        ["Nscl:Email:PublicBaseUrl"] = PublicBaseUrl,
        ["Nscl:Email:Recipients:0:Unit"] = Unit,
        ["Nscl:Email:Recipients:0:Role"] = "Appraiser",
        ["Nscl:Email:Recipients:0:Addresses:0"] = Appraiser,
        ["Nscl:Email:Recipients:1:Unit"] = "*",
        ["Nscl:Email:Recipients:1:Role"] = "Leader",
        ["Nscl:Email:Recipients:1:Addresses:0"] = Leader,
        ["Nscl:Email:Recipients:2:Unit"] = Unit,
        ["Nscl:Email:Recipients:2:Role"] = "HeadOfDivision",
        ["Nscl:Email:Recipients:2:Title"] = HeadOfDivisionTitle,
        ["Nscl:Email:Recipients:2:Addresses:0"] = $"{HeadOfDivisionName} <{HeadOfDivision}>",
        ["Nscl:Email:Recipients:3:Unit"] = Unit,
        ["Nscl:Email:Recipients:3:Role"] = "Officer",
        ["Nscl:Email:Recipients:3:Addresses:0"] = Officer,
        ["Nscl:Email:Recipients:3:Addresses:1"] = SecondOfficer,
        ["Nscl:Email:Recipients:4:Unit"] = Unit,
        ["Nscl:Email:Recipients:4:Role"] = "LeadUnit",
        ["Nscl:Email:Recipients:4:Addresses:0"] = LeadUnit,
        ["Nscl:Email:Recipients:5:Unit"] = "*",
        ["Nscl:Email:Recipients:5:Role"] = "DirectorsOffice",
        ["Nscl:Email:Recipients:5:Addresses:0"] = DirectorsOffice,
        ["Nscl:Email:Recipients:6:Unit"] = Unit,
        ["Nscl:Email:Recipients:6:Role"] = "Accountant",
        ["Nscl:Email:Recipients:6:Addresses:0"] = Accountant,
        ["Nscl:Email:UnitContacts:0:Unit"] = "*",
        ["Nscl:Email:UnitContacts:0:Name"] = "Phòng Quản lý khoa học",
        ["Nscl:Email:UnitContacts:0:Phone"] = "0236 3822 111",
        ["Nscl:Email:UnitContacts:0:Email"] = "qlkh@sokhcn.example.vn",
    };

    /// <summary>Adds the infrastructure to <paramref name="services"/> with <paramref name="settings"/>.</summary>
    public static IServiceCollection AddEmailUnderTest(this IServiceCollection services, Dictionary<string, string?> settings, LogCapture? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddSingleton(NsclWorkflows.Domain.Catalogue.EmbeddedCatalogue.Load()); // the host's composition registers it (the projections' counters need it)
        services.AddNsclInfrastructure(configuration);
        return services;
    }

    public static ServiceProvider Build(Dictionary<string, string?> settings, LogCapture? logs = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddEmailUnderTest(settings, logs);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Stores an application whose enterprise name holds markup and an ampersand.</summary>
    public static async Task<Application> StoreApplicationAsync(IServiceProvider services, string enterpriseName = "Công ty <script>alert(1)</script> & Cộng sự")
    {
        var now = new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
        var id = ApplicationIds.FromRandom(Guid.NewGuid().ToByteArray());
        var application = new Application(
            id, "NSCL-2026-" + id[..6].ToUpperInvariant(),
            new ApplicationSubmission("0401234567", enterpriseName, "Nguyễn Thị Hạnh", $"hanh.{id[..8]}@doanhnghiep.example.vn", "0236 3822 000",
                "productivity-tools", "Áp dụng Lean & 5S tại xưởng", "Triển khai 5S và Lean cho hai dây chuyền.", 150_000_000),
            "test-1", now, now.AddDays(7));
        application.RouteTo("IV.1", NsclWorkflows.Domain.Lifecycle.Units.ScienceAndTechnology);
        var repository = services.GetRequiredService<IApplicationRepository>();
        Assert.True(await repository.TryAddAsync(application, new AuditEntry(id, now, AuditKinds.Submitted, "test", "Nộp"), CancellationToken.None));
        return application;
    }
}
