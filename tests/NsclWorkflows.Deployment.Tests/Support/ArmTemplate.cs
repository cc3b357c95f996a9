using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NsclWorkflows.Deployment.Tests.Support;

/// <summary>
/// The ARM JSON that <c>bicep build</c> compiles main.bicep to: every resource it deploys, modules included (each module
/// is a nested deployment with its own template). Expressions stay unevaluated; <see cref="ArmResource.Resolve"/> only
/// substitutes the template's variables, enough to read the built-in role ids and literal values.
/// </summary>
sealed partial class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("Empty ARM template."));

    /// <summary>Resources deployed (not <c>existing</c> references), in the main template and in every module.</summary>
    public IReadOnlyList<ArmResource> Resources => Walk(Root, module: null).ToList();

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Outputs => Root["outputs"]?.AsObject() ?? [];

    static IEnumerable<ArmResource> Walk(JsonObject template, string? module)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var body in resources.Where(r => r["existing"]?.GetValue<bool>() != true))
        {
            var resource = new ArmResource(body["type"]!.GetValue<string>(), body["name"]!.GetValue<string>(), body, template, module);
            yield return resource;
            if (resource.Type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested, resource.Name))
                {
                    yield return inner;
                }
            }
        }
    }
}

/// <param name="Module">The name of the module (nested deployment) that deploys it; null in main.bicep.</param>
sealed partial record ArmResource(string Type, string Name, JsonObject Body, JsonObject Template, string? Module)
{
    public JsonObject Properties => Body["properties"]?.AsObject() ?? [];

    public string? Condition => Body["condition"]?.ToString();

    /// <summary>The expression with <c>variables('x')</c> and <c>variables('x').y</c> replaced by their string values.</summary>
    public string Resolve(string expression) => VariableReference().Replace(expression, match =>
    {
        var variable = Template["variables"]?[match.Groups["name"].Value];
        var value = match.Groups["member"].Success ? variable?[match.Groups["member"].Value] : variable;
        return value is JsonValue v && v.TryGetValue<string>(out var text) ? $"'{text}'" : match.Value;
    });

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)(?:\.(?<member>\w+))?")]
    private static partial Regex VariableReference();
}
