using Microsoft.Extensions.Configuration;
using NsclWorkflows.Local.Email;

namespace NsclWorkflows.Integration.Tests.Email;

public sealed class DevelopmentEmailDefaultsTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:7071")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://*:8080;https://*:8443", "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:5000/", "http://127.0.0.1:5000")]
    public void OwnAddress_Urls_FirstWithLoopbackHost(string? urls, string expected) =>
        Assert.Equal(expected, DevelopmentEmailDefaults.OwnAddress(urls));

    [Fact]
    public void AddDevelopmentEmailDefaults_Unset_PointsAtTheOwnCaptureEndpoint()
    {
        var configuration = new ConfigurationManager();
        configuration["urls"] = "http://127.0.0.1:9123";

        configuration.AddDevelopmentEmailDefaults();

        Assert.Equal("http://127.0.0.1:9123/dev/sendgrid", configuration["Nscl:Email:BaseUrl"]);
        Assert.Equal("http://127.0.0.1:9123", configuration["Nscl:Email:PublicBaseUrl"]);
    }

    [Fact]
    public void AddDevelopmentEmailDefaults_Configured_KeepsTheSetting()
    {
        var configuration = new ConfigurationManager();
        configuration["Nscl:Email:BaseUrl"] = "https://api.sendgrid.com";

        configuration.AddDevelopmentEmailDefaults();

        Assert.Equal("https://api.sendgrid.com", configuration["Nscl:Email:BaseUrl"]);
    }
}
