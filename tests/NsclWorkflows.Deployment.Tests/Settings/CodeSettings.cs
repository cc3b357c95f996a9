using System.Reflection;
using System.Text.RegularExpressions;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Settings;

/// <summary>Which host reads a setting: the Functions app (and the standalone host through the shared code), or only one of them.</summary>
enum SettingReader
{
    /// <summary>Shared code, or the Functions app itself: deployed to Azure.</summary>
    FunctionsApp,

    /// <summary>Only the standalone host (functions/NsclWorkflows.Local): local runs, never in Azure.</summary>
    StandaloneHost,

    /// <summary>The Functions host, through a <c>%Name%</c> in host.json.</summary>
    HostJson,
}

/// <param name="Key">The configuration key, with <c>:</c> (environment variables and app settings use <c>__</c>).</param>
/// <param name="IsConnection">A storage connection: a connection string under the key, or identity-based keys below it.</param>
sealed record CodeSetting(string Key, SettingReader Reader, string DeclaredBy, bool IsConnection = false)
{
    public string EnvironmentName => Key.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// Every setting the code reads, found where the code declares it, so a new setting needs no list here:
/// <list type="bullet">
/// <item>an options class with <c>const string Section</c>: each public settable property is <c>Section:Property</c>
/// (nested classes recurse);</item>
/// <item>a <c>const string …Setting</c> field: its value is one key (<c>…ConnectionSetting</c>: a storage connection);</item>
/// <item>a <c>%Name%</c> in the Functions app's host.json.</item>
/// </list>
/// <see cref="SettingsParityTests"/> also scans the sources for keys read any other way and fails on them.
/// </summary>
static partial class CodeSettings
{
    static readonly Lazy<List<CodeSetting>> Found = new(Discover);

    public static IReadOnlyList<CodeSetting> All => Found.Value;

    /// <summary>Sections of the options classes (e.g. <c>Nscl:Email</c>).</summary>
    public static IReadOnlyList<string> Sections => AppAssemblies().SelectMany(a => a.Assembly.GetTypes())
        .Select(t => ConstString(t, "Section")).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    static List<CodeSetting> Discover()
    {
        var settings = new List<CodeSetting>();
        foreach (var (assembly, reader) in AppAssemblies())
        {
            foreach (var type in assembly.GetTypes())
            {
                if (ConstString(type, "Section") is { } section)
                {
                    settings.AddRange(BoundKeys(type, section).Select(key => new CodeSetting(key, reader, type.FullName!)));
                }

                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Setting", StringComparison.Ordinal)))
                {
                    var key = (string)field.GetRawConstantValue()!;
                    settings.Add(new CodeSetting(key, reader, $"{type.FullName}.{field.Name}", field.Name.EndsWith("ConnectionSetting", StringComparison.Ordinal)));
                }
            }
        }

        var hostJson = File.ReadAllText(Repository.PathOf("functions", "NsclWorkflows.Functions", "host.json"));
        settings.AddRange(HostJsonReference().Matches(hostJson).Select(m => new CodeSetting(m.Groups["name"].Value, SettingReader.HostJson, "host.json")));

        // One entry per key; a key the Functions app reads is deployed even when the standalone host reads it too.
        return settings.GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(s => s.Reader == SettingReader.StandaloneHost ? 1 : 0).First())
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
    }

    static IEnumerable<string> BoundKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var isScalar = valueType.IsPrimitive || valueType.IsEnum || valueType == typeof(string) || valueType == typeof(decimal)
                || valueType == typeof(TimeSpan) || valueType == typeof(Uri) || valueType == typeof(DateTimeOffset) || valueType == typeof(DateOnly)
                || valueType == typeof(TimeOnly) || typeof(System.Collections.IEnumerable).IsAssignableFrom(valueType);
            if (isScalar)
            {
                yield return key;
            }
            else
            {
                foreach (var nested in BoundKeys(valueType, key))
                {
                    yield return nested;
                }
            }
        }
    }

    static string? ConstString(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    /// <summary>
    /// The application's assemblies next to these tests: those the Functions app loads (its own and what it references),
    /// and those only the standalone host loads.
    /// </summary>
    static IEnumerable<(Assembly Assembly, SettingReader Reader)> AppAssemblies()
    {
        var functionsApp = Closure(typeof(NsclWorkflows.Functions.Http.HealthFunctions).Assembly);
        var standalone = Closure(typeof(NsclWorkflows.Local.Durable.DurableBackendOptions).Assembly);
        foreach (var assembly in functionsApp)
        {
            yield return (assembly, SettingReader.FunctionsApp);
        }

        foreach (var assembly in standalone.Except(functionsApp))
        {
            yield return (assembly, SettingReader.StandaloneHost);
        }
    }

    static HashSet<Assembly> Closure(Assembly root)
    {
        var found = new HashSet<Assembly>();
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.Add(assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("NsclWorkflows.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return found;
    }

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex HostJsonReference();
}
