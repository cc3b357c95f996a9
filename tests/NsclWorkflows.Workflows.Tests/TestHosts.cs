using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace NsclWorkflows.Workflows.Tests;

/// <summary>Starts the in-memory Durable Task host, choosing again when the port it picked was taken meanwhile.</summary>
static class TestHosts
{
    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> tasks, DurableTaskTestHostOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(tasks, options);
            }
            catch (IOException ex) when (attempt < 5 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Another test process bound the same free port between the host's probe and its bind: pick again.
            }
        }
    }
}
