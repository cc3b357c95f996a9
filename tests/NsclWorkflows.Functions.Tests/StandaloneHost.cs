using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NsclWorkflows.Local.Durable;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// The standalone host's real Program (registrations, middleware, MapNsclApi) on an in-memory server, with its hosted
/// services (durable sidecar and worker, schedulers) left out: for what needs the pipeline but no storage. A request
/// to <see cref="ThrowPath"/> that no endpoint takes throws behind the host's exception handler. (Named by a type of
/// the host's assembly: both hosts' entry points are called Program.)
/// </summary>
public sealed class StandaloneHost : WebApplicationFactory<DurableSidecar>
{
    public const string ThrowPath = "/api/__test-throws";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IHostedService>();
            services.AddSingleton<IStartupFilter, ThrowingTail>();
        });
    }

    /// <summary>A last middleware (after the endpoints) that fails on <see cref="ThrowPath"/>.</summary>
    sealed class ThrowingTail : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, tail) => context.Request.Path == ThrowPath
                ? throw new InvalidOperationException("secret-stack-detail")
                : tail(context));
        };
    }
}
