using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseWhen<HttpProblemMiddleware>(HttpProblemMiddleware.IsHttpTrigger);
builder.UseWhen<RateLimitMiddleware>(HttpProblemMiddleware.IsHttpTrigger);
builder.UseWhen<AccessTokenInQueryMiddleware>(HttpProblemMiddleware.IsHttpTrigger);
// Officer credentials count only while App Service Authentication is really on (WEBSITE_AUTH_ENABLED), per request.
builder.UseWhen<OfficerAccessMiddleware>(HttpProblemMiddleware.IsHttpTrigger);

// On Azure the client is the address App Service's front end appended to X-Forwarded-For (Nscl:RateLimits:ForwardedForHops).
builder.Services.Configure<NsclWorkflows.Api.Http.RateLimitOptions>(o => o.ForwardedForHops = 1);

// The one composition the standalone host uses too. The Functions host provides the DurableTaskClient ([DurableClient])
// and runs orchestrators and activities through the wrappers in Durable/.
builder.Services.AddNsclApplication(builder.Configuration);

var host = builder.Build();

// FunctionsApplicationBuilder leaves IHostEnvironment at Production whatever AZURE_FUNCTIONS_ENVIRONMENT says
// (Azure/azure-functions-dotnet-worker#2959), so read the setting the Functions host defines.
var environment = host.Services.GetRequiredService<IConfiguration>()["AZURE_FUNCTIONS_ENVIRONMENT"]
    ?? host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName;
StartupGuards.Verify(host.Services, environment);
host.Services.GetRequiredService<OfficerAccess>().LogAtStartUp(
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NsclWorkflows.Functions.OfficerAccess"));

host.Run();
