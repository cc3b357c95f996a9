using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Integration.Tests.Support;

namespace NsclWorkflows.Integration.Tests.Email;

/// <summary>
/// Base of the tests that send through the production e-mail composition (<see cref="EmailTestServices"/>) to a capture
/// server of their own, with tables under <paramref name="prefix"/>: both started before each test, stopped after.
/// </summary>
public abstract class CapturedEmailTests(AzuriteFixture azurite, string prefix) : IAsyncLifetime
{
    protected CaptureServer Capture { get; private set; } = null!;

    protected ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Capture = await CaptureServer.StartAsync(azurite.ConnectionString, prefix);
        Services = EmailTestServices.Build(EmailTestServices.Settings(azurite.ConnectionString, prefix, Capture));
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Capture.DisposeAsync();
    }
}
