using System.Diagnostics;

namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>
/// A private Azurite (blob, queue, table) for the test run: the repository's pinned npm package, free loopback
/// ports, a temporary data folder, stopped and deleted at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    const string Account = "devstoreaccount1";
    const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Dictionary<string, Task<LocalHostProcess>> sharedHosts = new(StringComparer.Ordinal);
    readonly List<Task> stopping = [];
    Process? process;
    string? dataDir;

    /// <summary>
    /// A standalone host shared by the tests of one class (xunit makes a class instance per test; starting a host per
    /// test would dominate the run). Started on first use. The classes of a collection run one after another, so when a
    /// class asks for another task hub the hosts of the earlier classes are idle from then on: they are stopped (in the
    /// background) rather than left polling their queues and running their files' compressed deadlines until the end.
    /// A hub asked for again later gets a new host on the same storage.
    /// </summary>
    public Task<LocalHostProcess> SharedHostAsync(string taskHub, TimeSpan compressedWorkingDay) =>
        SharedHostAsync(taskHub, () => new LocalHostProcess(ConnectionString, taskHub, compressedWorkingDay));

    /// <summary>The same, for a host configured otherwise (e.g. Production with OIDC sign-in): <paramref name="create"/> runs once per start.</summary>
    public Task<LocalHostProcess> SharedHostAsync(string taskHub, Func<LocalHostProcess> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (sharedHosts)
        {
            foreach (var (hub, idle) in sharedHosts.Where(h => h.Key != taskHub).ToList())
            {
                sharedHosts.Remove(hub);
                stopping.Add(StopAsync(idle));
            }

            if (!sharedHosts.TryGetValue(taskHub, out var host))
            {
                host = StartAsync(create());
                sharedHosts[taskHub] = host;
            }

            return host;
        }

        static async Task<LocalHostProcess> StartAsync(LocalHostProcess host)
        {
            await host.StartAsync();
            return host;
        }

        static async Task StopAsync(Task<LocalHostProcess> host)
        {
            try
            {
                await (await host).DisposeAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException)
            {
                // It never started: its class has already failed with the reason.
            }
        }
    }

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        dataDir = Directory.CreateTempSubdirectory("nscl-azurite-").FullName;
        int blob = FreePorts.Next(), queue = FreePorts.Next(), table = FreePorts.Next();
        process = StartProcess(dataDir, blob, queue, table, inMemory: true);
        foreach (var port in new[] { blob, queue, table })
        {
            await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        }

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{Account};QueueEndpoint=http://127.0.0.1:{queue}/{Account};" +
            $"TableEndpoint=http://127.0.0.1:{table}/{Account};";
    }

    /// <summary>
    /// Azurite (blob, queue, table) on the given loopback ports with its data in <paramref name="dataDir"/>, or in memory
    /// only (<paramref name="inMemory"/>): Azurite otherwise writes its whole database to disk every few seconds, which
    /// costs more CPU as the tables grow (measured: a 24 MB table database kept Node at 100 % of a core with the host
    /// idle) and slows every test beside it. Only a test that restarts Azurite needs the disk.
    /// </summary>
    internal static Process StartProcess(string dataDir, int blob, int queue, int table, bool inMemory = false)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {RepositoryRoot.Find()} (scripts/test.sh does it).");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Azurite refuses a location with --inMemoryPersistence; its debug files then go to the working directory.
        start.WorkingDirectory = dataDir;
        string[] store = inMemory ? ["--inMemoryPersistence"] : ["--location", dataDir];
        foreach (var arg in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(), "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
        }.Concat(store))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(stopping);
        foreach (var host in sharedHosts.Values)
        {
            await (await host).DisposeAsync();
        }

        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
        if (dataDir is not null)
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Azurite may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
            }
        }
    }
}

/// <summary>
/// The tests on the shared Azurite run one class after another. The slowest groups have their own collection, and so
/// their own Azurite, so that xunit runs them beside it (<see cref="BrowserCollection"/>, <see cref="LongLifecycleCollection"/>):
/// most of their time is waiting for compressed deadlines and restarted hosts, not CPU.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>The browser scripts (tests/web), each on a host of its own, on an Azurite of their own.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Browser";
}

/// <summary>Whole lifecycles, host kills and many waiting clients, on an Azurite of their own.</summary>
[CollectionDefinition(Name)]
public sealed class LongLifecycleCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "LongLifecycle";
}
