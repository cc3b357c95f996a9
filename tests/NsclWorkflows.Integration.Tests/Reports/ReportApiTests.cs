using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Infrastructure.Documents;
using NsclWorkflows.Infrastructure.Security;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Reports;

/// <summary>The report and document endpoints of the standalone host, over documents stored in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public class ReportApiTests(AzuriteFixture azurite)
{
    const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const string Officer = "X-Nscl-Dev-Officer";

    BlobDocumentStore Store() => new(
        new BlobServiceClient(azurite.ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));

    Task<LocalHostProcess> HostAsync() => azurite.SharedHostAsync("reportsapi", TimeSpan.FromMinutes(10));

    static NewDocument Doc(string kind, string scope, string fileName, string text) =>
        new(kind, scope, fileName, Docx, Encoding.UTF8.GetBytes(text), "test", DateTimeOffset.UtcNow);

    [Fact]
    public async Task GetYearEndReport_Officer_DownloadsTheLatestVersionWithVietnameseFileName()
    {
        var host = await HostAsync();
        var year = "2023";
        await Store().AddVersionAsync(Doc(DocumentKinds.YearEndReport, year, "Báo cáo kết quả thực hiện Kế hoạch năm 2023.docx", "phiên bản 1"), CancellationToken.None);
        await Store().AddVersionAsync(Doc(DocumentKinds.YearEndReport, year, "Báo cáo kết quả thực hiện Kế hoạch năm 2023.docx", "phiên bản 2"), CancellationToken.None);

        using var latest = await SendAsync(host, HttpMethod.Get, $"/api/reports/year-end/{year}", "officer.a; Officer");
        using var first = await SendAsync(host, HttpMethod.Get, $"/api/reports/year-end/{year}?version=1", "officer.a; Officer");

        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal(Docx, latest.Content.Headers.ContentType!.MediaType);
        Assert.Equal("phiên bản 2", await latest.Content.ReadAsStringAsync());
        Assert.Equal("phiên bản 1", await first.Content.ReadAsStringAsync());
        var disposition = latest.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Bao cao ket qua thuc hien Ke hoach nam 2023.docx", disposition.FileName!.Trim('"'));
        Assert.Contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o", latest.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("Báo cáo kết quả thực hiện Kế hoạch năm 2023.docx", disposition.FileNameStar);
        Assert.Equal(["2"], latest.Headers.GetValues("X-Document-Version"));
    }

    [Fact]
    public async Task GetYearEndReport_NotAnOfficer_Is401()
    {
        var host = await HostAsync();

        using var response = await SendAsync(host, HttpMethod.Get, "/api/reports/year-end/2023", officer: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetYearEndReport_NoReportForTheYear_Is404()
    {
        var host = await HostAsync();

        using var response = await SendAsync(host, HttpMethod.Get, "/api/reports/year-end/2022", "officer.a; Officer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartYearEndReport_OfficerWithoutLeaderRole_Is403()
    {
        var host = await HostAsync();

        using var response = await SendAsync(host, HttpMethod.Post, "/api/reports/year-end/2025", "officer.a; Officer");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task StartYearEndReport_YearOutsideTheProgramme_Is422()
    {
        var host = await HostAsync();

        using var response = await SendAsync(host, HttpMethod.Post, "/api/reports/year-end/2019", "lanh.dao; Leader");

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
    }

    [Fact]
    public async Task StartYearEndReport_Leader_Is202WithTheRunsInstanceId()
    {
        var host = await HostAsync();

        using var response = await SendAsync(host, HttpMethod.Post, "/api/reports/year-end/2024", "lanh.dao; Leader");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Matches("^year-end-2024-[0-9]{12}$", body.GetProperty("instanceId").GetString());
        Assert.Equal("/api/reports/year-end/2024", body.GetProperty("reportUrl").GetString());
    }

    [Fact]
    public async Task GetApplicationDocument_AccessRules_EnterpriseGetsItsSignedDecisionNotTheDraftNorTheAppraisal()
    {
        var host = await HostAsync();
        var (id, token) = await new LifecycleClient(host.Http).SubmitAsync();
        await Store().AddVersionAsync(Doc(DocumentKinds.SignedApprovalDecision, id, "Quyết định số 1-QĐ-SKHCN.pdf", "quyết định đã ký"), CancellationToken.None);
        await Store().AddVersionAsync(Doc(DocumentKinds.ApprovalDecision, id, "Dự thảo quyết định phê duyệt hỗ trợ.docx", "dự thảo"), CancellationToken.None);
        await Store().AddVersionAsync(Doc(DocumentKinds.AppraisalRecord, id, "Biên bản thẩm định.docx", "biên bản"), CancellationToken.None);
        var (_, otherToken) = await new LifecycleClient(host.Http).SubmitAsync(enterpriseName: "Công ty khác");

        using var enterpriseDecision = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/signed-approval-decision", null, token);
        using var enterpriseDraft = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/approval-decision", null, token);
        using var enterpriseAppraisal = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/appraisal-record", null, token);
        using var wrongToken = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/signed-approval-decision", null, otherToken);
        using var anonymous = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/signed-approval-decision", null);
        using var officerDraft = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/approval-decision", "officer.a; Officer");
        using var officerAppraisal = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/appraisal-record", "officer.a; Appraiser");
        using var unknownKind = await SendAsync(host, HttpMethod.Get, $"/api/applications/{id}/documents/year-end-report", "officer.a; Admin");

        Assert.Equal(HttpStatusCode.OK, enterpriseDecision.StatusCode);
        Assert.Equal("quyết định đã ký", await enterpriseDecision.Content.ReadAsStringAsync());
        Assert.Equal("Quyết định số 1-QĐ-SKHCN.pdf", enterpriseDecision.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, enterpriseDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, enterpriseAppraisal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, officerDraft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, officerAppraisal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
    }

    static async Task<HttpResponseMessage> SendAsync(LocalHostProcess host, HttpMethod method, string url, string? officer, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (accessToken is not null)
        {
            request.Headers.Add("X-Access-Token", accessToken);
        }

        if (officer is not null)
        {
            request.Headers.Add(Officer, officer);
            request.Headers.Add("X-Requested-With", "nscl");
        }

        return await host.Http.SendAsync(request);
    }
}
