using System.Text.Json;
using System.Text.RegularExpressions;
using NsclWorkflows.Deployment.Tests.Support;
using NsclWorkflows.Infrastructure.Storage;

namespace NsclWorkflows.Deployment.Tests.Settings;

/// <summary>
/// One name per setting everywhere: every setting the code reads (<see cref="CodeSettings"/>) is in the Bicep app
/// settings (when the Functions app reads it) and in local.settings.sample.json, and neither holds a setting nobody
/// reads. Adding a setting means declaring it in code and adding it to infra/app/api.bicep and the sample.
/// </summary>
public sealed partial class SettingsParityTests
{
    /// <summary>Read by the code but deliberately not deployed to Azure.</summary>
    static readonly Dictionary<string, string> NotDeployed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Nscl:Deadlines:CompressedWorkingDay"] = "compresses working days for tests and demonstrations; never in production",
        ["Nscl:Reports:CatchUpWindow"] = "the standalone host's scheduler; in Azure the Functions timer trigger runs the report",
        ["Nscl:Reports:SchedulerEnabled"] = "the standalone host's scheduler; in Azure the Functions timer trigger runs the report",
        ["Nscl:Idempotency:CleanupIntervalMinutes"] = "the standalone host's cleanup service; in Azure the hourly IdempotencyCleanupTimer runs it",
    };

    /// <summary>App settings read by the Azure platform or the Functions host, not by the app's code.</summary>
    static readonly Dictionary<string, string> PlatformAppSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Functions host: telemetry destination",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Functions host: telemetry sent with the managed identity",
        ["OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID"] = "App Service Authentication: managed identity as the app registration's credential",
        ["WEBSITE_AUTH_AAD_ALLOWED_TENANTS"] = "App Service Authentication: the tenant whose users may sign in",
    };

    /// <summary>Settings of local.settings.sample.json read by Azure Functions Core Tools, not by the app's code.</summary>
    static readonly Dictionary<string, string> LocalHostSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "func start: the worker model (on Flex Consumption it is functionAppConfig.runtime instead)",
    };

    /// <summary>Set by the Functions host or App Service for the app to read; nobody configures them.</summary>
    static readonly HashSet<string> ProvidedByThePlatform = new(StringComparer.OrdinalIgnoreCase)
    {
        "AZURE_FUNCTIONS_ENVIRONMENT",
        "WEBSITE_AUTH_ENABLED", // App Service sets it to True while App Service Authentication is on (authsettingsV2)
    };


    [Fact]
    public void CodeSettings_Discovery_FindsEachKindOfDeclaration()
    {
        var keys = CodeSettings.All.ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(SettingReader.FunctionsApp, keys["Nscl:AccessLinks:SigningKey"].Reader);     // options class Section
        Assert.Equal(SettingReader.FunctionsApp, keys["Nscl:Catalogue:Path"].Reader);             // const …Setting
        Assert.True(keys[StorageOptions.ConnectionSetting].IsConnection);                         // const …ConnectionSetting
        Assert.Equal(SettingReader.StandaloneHost, keys["Nscl:Durable:WorkerId"].Reader);         // only the standalone host
        Assert.Equal(SettingReader.HostJson, keys["DurableTaskHubName"].Reader);                  // %…% in host.json
    }

    [Fact]
    public async Task BicepAppSettings_ContainEverySettingTheFunctionsAppReads()
    {
        var bicep = await BicepAppSettings.ReadAsync();

        var missing = CodeSettings.All
            .Where(s => s.Reader != SettingReader.StandaloneHost && !NotDeployed.ContainsKey(s.Key))
            .Where(s => s.IsConnection ? !HasIdentityConnection(bicep.Keys, s.EnvironmentName) : !Present(bicep.Keys, s.EnvironmentName))
            .Select(s => $"{s.EnvironmentName} (declared by {s.DeclaredBy})")
            .ToList();

        Assert.True(missing.Count == 0, "Add to the app settings in infra/app/api.bicep: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task BicepAppSettings_EachIsReadByTheCodeOrThePlatform()
    {
        var bicep = await BicepAppSettings.ReadAsync();
        var deployable = CodeSettings.All.Where(s => s.Reader != SettingReader.StandaloneHost).ToList();

        var unknown = bicep.Keys
            .Where(k => !PlatformAppSettings.ContainsKey(k) && !IsKnown(k, deployable))
            .ToList();

        Assert.True(unknown.Count == 0, "App settings in infra/app/api.bicep that nothing reads: " + string.Join(", ", unknown));
    }

    [Fact]
    public void LocalSettingsSample_ContainsEverySettingTheCodeReads()
    {
        var sample = SampleKeys();

        var missing = CodeSettings.All
            .Where(s => !Present(sample, s.EnvironmentName) && !(s.IsConnection && HasIdentityConnection(sample, s.EnvironmentName)))
            .Select(s => $"{s.EnvironmentName} (declared by {s.DeclaredBy})")
            .ToList();

        Assert.True(missing.Count == 0, "Add to local.settings.sample.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void LocalSettingsSample_EachIsReadByTheCodeOrTheLocalFunctionsHost()
    {
        var unknown = SampleKeys().Where(k => !LocalHostSettings.ContainsKey(k) && !IsKnown(k, CodeSettings.All)).ToList();

        Assert.True(unknown.Count == 0, "Settings in local.settings.sample.json that nothing reads: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Sources_ConfigurationKeysReadAnyOtherWay_AreNone()
    {
        var known = new HashSet<string>(CodeSettings.All.Select(s => s.Key), StringComparer.OrdinalIgnoreCase);
        known.UnionWith(CodeSettings.Sections);
        known.UnionWith(ProvidedByThePlatform);

        var undeclared = new List<string>();
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in KeyRead().Matches(lines[i]))
                {
                    if (!known.Contains(match.Groups["key"].Value))
                    {
                        undeclared.Add($"{Path.GetRelativePath(Repository.Root, file)}:{i + 1} \"{match.Groups["key"].Value}\"");
                    }
                }
            }
        }

        Assert.True(undeclared.Count == 0,
            "Configuration keys read without a declaration the settings catalogue finds (options class with const Section, or "
            + "const …Setting): " + string.Join(", ", undeclared));
    }

    [Theory]
    [InlineData("var x = configuration[\"Nscl:Email:From\"];", "Nscl:Email:From")]
    [InlineData("services.Bind(configuration.GetSection(\"Nscl:Documents\"));", "Nscl:Documents")]
    [InlineData("var cron = config.GetValue<string>(\"Nscl:Reports:YearEndCron\");", "Nscl:Reports:YearEndCron")]
    [InlineData("Environment.GetEnvironmentVariable(\"SENDGRID_KEY\")", "SENDGRID_KEY")]
    [InlineData("const string Key = \"Nscl:Reports:YearEndCron\";", "Nscl:Reports:YearEndCron")]
    public void KeyRead_ConfigurationAccessInSource_IsFound(string line, string key)
    {
        Assert.Equal(key, KeyRead().Match(line).Groups["key"].Value);
    }

    /// <summary>A storage connection in identity form: every key the app's StorageClients and Durable Functions need.</summary>
    static bool HasIdentityConnection(IEnumerable<string> keys, string connection)
    {
        var set = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
        string[] required = ["credential", "clientId", "tableServiceUri", "blobServiceUri", "queueServiceUri"];
        return !set.Contains(connection) && required.All(k => set.Contains($"{connection}__{k}"));
    }

    /// <summary>
    /// The key (with <c>__</c>) is a setting of <paramref name="settings"/>, an element of a list setting
    /// (<c>Nscl__Email__Recipients__0__Unit</c>), or an identity-based key of one of its connections.
    /// </summary>
    static bool IsKnown(string environmentKey, IEnumerable<CodeSetting> settings)
    {
        var key = environmentKey.Replace("__", ":", StringComparison.Ordinal);
        return settings.Any(s =>
            string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)
            || IsListElement(key, s.Key, ":")
            || (s.IsConnection && key.StartsWith(s.Key + ":", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The setting is there: as itself, or (a list setting) as its indexed elements.</summary>
    static bool Present(IEnumerable<string> keys, string environmentName) =>
        keys.Any(k => string.Equals(k, environmentName, StringComparison.OrdinalIgnoreCase) || IsListElement(k, environmentName, "__"));

    static bool IsListElement(string key, string list, string separator) =>
        key.StartsWith(list + separator, StringComparison.OrdinalIgnoreCase)
        && key[(list.Length + separator.Length)..].Split(separator)[0] is { Length: > 0 } index && index.All(char.IsAsciiDigit);

    static HashSet<string> SampleKeys()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("local.settings.sample.json")));
        return new HashSet<string>(sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
    }

    static IEnumerable<string> SourceFiles() =>
        new[] { "shared", "functions" }
            .SelectMany(dir => Directory.EnumerateFiles(Repository.PathOf(dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>
    /// A key read in source: <c>configuration["…"]</c>, <c>GetSection("…")</c>, <c>GetValue&lt;T&gt;("…")</c>,
    /// <c>GetConnectionString("…")</c>, <c>GetEnvironmentVariable("…")</c>, or any string literal that is an Nscl key.
    /// </summary>
    [GeneratedRegex("""(?:[Cc]onfig\w*\s*\[\s*"(?<key>[^"]+)"\s*\]|(?:GetSection|GetValue<[^>]+>|GetConnectionString|GetEnvironmentVariable)\(\s*"(?<key>[^"]+)"|"(?<key>Nscl(?::[A-Za-z0-9]+)+)")""")]
    private static partial Regex KeyRead();
}
