using System.Globalization;
using System.Text.Json.Nodes;

namespace NsclWorkflows.Deployment.Tests.Support;

/// <summary>
/// The compiled template as it would deploy for a set of main.bicep parameter values (the rest at their defaults):
/// parameters flow into modules, conditions decide which resources are deployed, and the ARM expressions the template
/// builds values with (if, not, empty, equals, and, or, union, length, format, createObject, createArray, parameters,
/// variables) are evaluated. Anything known only at deployment (reference(), resourceId(), tenant(), ...) stays
/// <see cref="ArmExpression.Unknown"/>; such a value counts as present (not empty), as a module output or an id is.
/// </summary>
sealed class ArmDeployment
{
    readonly JsonObject template;
    readonly IReadOnlyDictionary<string, object?> parameters;

    ArmDeployment(JsonObject template, IReadOnlyDictionary<string, object?> parameters, string? module)
    {
        this.template = template;
        this.parameters = parameters;
        Module = module;
    }

    /// <summary>The module (nested deployment) name; null for main.bicep.</summary>
    public string? Module { get; }

    /// <param name="parameters">Values of main.bicep's parameters (JSON values); the others take their defaults.</param>
    public static ArmDeployment Of(ArmTemplate template, IReadOnlyDictionary<string, JsonNode?>? parameters = null) =>
        new(template.Root, (parameters ?? new Dictionary<string, JsonNode?>()).ToDictionary(p => p.Key, p => (object?)p.Value), module: null);

    /// <summary>Resources deployed with these parameters, in main.bicep and in every module deployed, their bodies evaluated.</summary>
    public IReadOnlyList<DeployedResource> Resources => Walk().ToList();

    public IEnumerable<DeployedResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The module of that name as deployed by this template; null when its condition leaves it out.</summary>
    public ArmDeployment? ModuleNamed(string name) => Walk().Select(r => r.Deployment).FirstOrDefault(d => d.Module == name);

    public object? Parameter(string name)
    {
        if (parameters.TryGetValue(name, out var supplied))
        {
            return supplied is JsonNode node ? node.DeepClone() : supplied;
        }

        var declared = template["parameters"]?[name] ?? throw new KeyNotFoundException($"Parameter '{name}' is not declared{Where}.");
        return declared["defaultValue"] is { } value ? Evaluate(value) : throw new KeyNotFoundException($"Parameter '{name}' has no value and no default{Where}.");
    }

    public object? Variable(string name) =>
        Evaluate(template["variables"]?[name] ?? throw new KeyNotFoundException($"Variable '{name}' is not declared{Where}."));

    /// <summary>A JSON value of the template with every expression in it evaluated (deeply for objects and arrays).</summary>
    public object? Evaluate(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, ToNode(Evaluate(p.Value))))),
        JsonArray array => new JsonArray(array.Select(item => ToNode(Evaluate(item))).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => ArmExpression.IsExpression(text) ? ArmExpression.Evaluate(text, this) : JsonValue.Create(UnescapeLiteral(text)),
        _ => node?.DeepClone(),
    };

    string Where => Module is null ? " in main.bicep" : $" in module '{Module}'";

    IEnumerable<DeployedResource> Walk()
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var body in resources.Where(r => r["existing"]?.GetValue<bool>() != true))
        {
            if (body["condition"] is { } condition && !ArmExpression.IsTrue(Evaluate(condition)))
            {
                continue;
            }

            var type = body["type"]!.GetValue<string>();
            var name = body["name"]!.GetValue<string>();
            // A module's own template is evaluated in its own scope, below.
            var shown = body.DeepClone().AsObject();
            (shown["properties"] as JsonObject)?.Remove("template");
            yield return new DeployedResource(type, name, (JsonObject)ToNode(Evaluate(shown))!, this);
            if (type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject nested)
            {
                var child = new ArmDeployment(nested, ModuleParameters(body), name);
                foreach (var inner in child.Walk())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The values this deployment passes to a module: each entry is { value: … }, or an expression giving one.</summary>
    Dictionary<string, object?> ModuleParameters(JsonObject deployment)
    {
        var values = new Dictionary<string, object?>();
        foreach (var (name, entry) in deployment["properties"]?["parameters"]?.AsObject() ?? [])
        {
            // { "value": "[expression]" } keeps an unknown value unknown; an expression may also build the whole entry.
            values[name] = entry is JsonObject { Count: 1 } literal && literal["value"] is var value && literal.ContainsKey("value")
                ? Evaluate(value)
                : Evaluate(entry) is JsonObject built && built.ContainsKey("value") ? built["value"]?.DeepClone() : new ArmExpression.Unknown(entry?.ToJsonString() ?? "");
        }

        return values;
    }

    static string UnescapeLiteral(string text) => text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;

    /// <summary>Unknown values become a string naming the expression, so they show in a failed assertion.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        ArmExpression.Unknown unknown => JsonValue.Create($"<at deployment: {unknown.Text}>"),
        JsonNode node => node.Parent is null ? node : node.DeepClone(),
        null => null,
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}

/// <param name="Deployment">The deployment (main.bicep or a module) it belongs to.</param>
sealed record DeployedResource(string Type, string Name, JsonObject Body, ArmDeployment Deployment)
{
    public JsonObject Properties => Body["properties"]?.AsObject() ?? [];
}
