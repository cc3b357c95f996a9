using Microsoft.AspNetCore.HostFiltering;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Notifications;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Api.Reports;
using NsclWorkflows.Local.Auth;
using NsclWorkflows.Local.Commands;
using NsclWorkflows.Local.Documents;
using NsclWorkflows.Local.Durable;
using NsclWorkflows.Local.Email;
using NsclWorkflows.Local.Endpoints;
using NsclWorkflows.Local.Web;
using NsclWorkflows.Workflows;

if (CatalogueCommand.Matches(args))
{
    return CatalogueCommand.Run(args, Console.Out);
}

if (ProjectionsCommand.Matches(args))
{
    return await ProjectionsCommand.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    // The port `func start` uses, so the same requests work against either host. Override with --urls or URLS.
    builder.WebHost.UseUrls("http://127.0.0.1:7071");
}

if (builder.Environment.IsDevelopment())
{
    // E-mail goes to this host's SendGrid capture endpoint (see /dev/outbox) unless Nscl:Email:BaseUrl says otherwise.
    builder.Configuration.AddDevelopmentEmailDefaults();
    builder.Services.AddSendGridCapture();
}

// The durable backend first: it starts before, and stops after, everything that uses it.
builder.Services.AddAzureStorageDurableBackend(builder.Configuration, tasks => tasks.AddNsclWorkflows(
    NsclWorkflows.Workflows.Common.WorkflowTiming.From(builder.Configuration.GetValue<TimeSpan?>(NsclWorkflows.Workflows.Common.WorkflowTiming.RetryRoundSetting))));
builder.Services.AddNsclApplication(builder.Configuration);
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddDocumentFaults(builder.Configuration); // Nscl:Faults:DocumentKinds, for fault tests
}

builder.Services.AddYearEndReportScheduler(builder.Configuration);
builder.Services.AddIdempotencyCleanupService();
builder.Services.AddEmailSweepService();
// A parameter the framework cannot bind is a 400 problem (below), in Development too, not an exception.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.AddNsclOfficerSignIn();
if (builder.Environment.IsDevelopment())
{
    // Loopback names only: a DNS-rebinding page (evil.example resolving to 127.0.0.1) must not read /dev/outbox.json.
    builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]"]);
}
builder.Services.AddNsclRateLimiting(builder.Configuration);
builder.Services.AddNsclOpenApi();
builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

var app = builder.Build();

StartupGuards.Verify(app.Services, app.Environment.EnvironmentName);

// Errors the framework makes itself come out as the API's problems (ApiProblem, through IProblemDetailsService):
// an unhandled exception as the same 500 the Functions host's HttpProblemMiddleware writes, and under /api an
// empty 4xx/5xx (unknown route, wrong method, unbindable parameter) with its status's code and Vietnamese texts.
app.UseExceptionHandler(errors => errors.Run(context => ApiProblem.InternalError().ExecuteAsync(context)));
app.UseStatusCodePages(context => context.HttpContext.Request.Path.StartsWithSegments("/" + ApiRoutes.Prefix)
    ? ApiProblem.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext)
    : Task.CompletedTask);
app.UseNsclWebPages();
app.UseNsclRateLimiting();
app.UseNsclOfficerSignIn();
app.MapNsclApi();
app.MapNsclOpenApi(); // GET /openapi/v1.json, anonymous: the API's description for integrators (docs/openapi.json)
if (app.Environment.IsDevelopment())
{
    app.MapSendGridCapture();
}

app.Run();
return 0;

/// <summary>Entry point; public so tests can host it in-process.</summary>
public partial class Program;
