using System.Text.Json;

namespace NsclWorkflows.Functions.Tests;

/// <summary>
/// The Functions app as the Functions host sees it: <c>functions.metadata</c> and <c>host.json</c>, both written by its
/// build. Found next to this test assembly (copied through the project reference), else in the Functions project's
/// own output folder for the same configuration.
/// </summary>
sealed class FunctionsMetadata
{
    FunctionsMetadata(IReadOnlyList<FunctionEntry> functions, string routePrefix, string directory)
    {
        Functions = functions;
        RoutePrefix = routePrefix;
        Directory = directory;
    }

    public IReadOnlyList<FunctionEntry> Functions { get; }

    public string RoutePrefix { get; }

    public string Directory { get; }

    public static FunctionsMetadata Load()
    {
        var directory = Locate();
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "functions.metadata")));
        var functions = metadata.RootElement.EnumerateArray().Select(FunctionEntry.From).ToList();
        return new FunctionsMetadata(functions, ReadRoutePrefix(Path.Combine(directory, "host.json")), directory);
    }

    static string Locate()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "functions.metadata")))
        {
            return here;
        }

        // tests/NsclWorkflows.Functions.Tests/bin/<Configuration>/<tfm>/ → functions/NsclWorkflows.Functions/bin/<Configuration>/<tfm>/
        var tfm = new DirectoryInfo(here).Name;
        var configuration = new DirectoryInfo(here).Parent!.Name;
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "functions", "NsclWorkflows.Functions", "bin", configuration, tfm);
            if (File.Exists(Path.Combine(candidate, "functions.metadata")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"functions.metadata not found next to {here} nor under functions/NsclWorkflows.Functions/bin/{configuration}/{tfm}. Build the Functions project first.");
    }

    static string ReadRoutePrefix(string hostJson)
    {
        using var host = JsonDocument.Parse(File.ReadAllText(hostJson));
        return host.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? "api"
            : "api"; // the Functions host's default
    }
}

/// <summary>One function of functions.metadata: its name and its trigger binding.</summary>
sealed record FunctionEntry(string Name, string TriggerType, IReadOnlyList<string> Methods, string? Route)
{
    public static FunctionEntry From(JsonElement function)
    {
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        var methods = trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var route = trigger.TryGetProperty("route", out var r) ? r.GetString() : null;
        return new FunctionEntry(function.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!, methods, route);
    }
}
