using System.Text.Json.Nodes;
using NsclWorkflows.Deployment.Tests.Support;

namespace NsclWorkflows.Deployment.Tests.Infra;

/// <summary>The evaluator the template tests rely on: parameters into modules, conditions, lazy if, unknown values.</summary>
public sealed class ArmDeploymentTests
{
    const string Template = """
        {
          "parameters": { "open": { "type": "bool", "defaultValue": false }, "name": { "type": "string", "defaultValue": "" } },
          "variables": { "mode": "[if(parameters('open'), 'Enabled', 'Disabled')]" },
          "resources": [
            {
              "type": "Microsoft.Resources/deployments", "name": "inner",
              "condition": "[not(empty(parameters('name')))]",
              "properties": {
                "parameters": { "given": { "value": "[parameters('name')]" }, "later": "[createObject('value', reference('x').outputs.id.value)]" },
                "template": {
                  "parameters": { "given": { "type": "string" }, "later": { "type": "string" } },
                  "resources": {
                    "thing": { "type": "Test/things", "name": "t", "properties": { "given": "[parameters('given')]", "later": "[parameters('later')]", "hasLater": "[not(empty(parameters('later')))]" } }
                  }
                }
              }
            },
            {
              "type": "Test/accounts", "name": "a",
              "properties": { "access": "[variables('mode')]", "lazy": "[if(parameters('open'), reference('never').id, 'closed')]", "literal": "[[not an expression]", "quoted": "[format('{0}''s', 'it')]" }
            }
          ]
        }
        """;

    [Fact]
    public void Evaluate_Defaults_TakesTheParameterDefaultsAndSkipsTheUntakenBranch()
    {
        var account = Assert.Single(Deploy().OfType("Test/accounts")).Properties;

        Assert.Equal("Disabled", account["access"]!.GetValue<string>());
        Assert.Equal("closed", account["lazy"]!.GetValue<string>());
        Assert.Equal("[not an expression]", account["literal"]!.GetValue<string>());
        Assert.Equal("it's", account["quoted"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ParameterGiven_ChangesTheValue()
    {
        var account = Assert.Single(Deploy(("open", true)).OfType("Test/accounts")).Properties;

        Assert.Equal("Enabled", account["access"]!.GetValue<string>());
        Assert.StartsWith("<at deployment: reference('never')", account["lazy"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_ModuleCondition_DecidesWhetherItsResourcesDeploy()
    {
        Assert.Empty(Deploy().OfType("Test/things"));

        var thing = Assert.Single(Deploy(("name", "n1")).OfType("Test/things")).Properties;
        Assert.Equal("n1", thing["given"]!.GetValue<string>());
        // A module output is known only at deployment, and counts as present.
        Assert.Contains("outputs.id.value", thing["later"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(thing["hasLater"]!.GetValue<bool>());
    }

    static ArmDeployment Deploy(params (string Name, JsonNode? Value)[] parameters) =>
        ArmDeployment.Of(ArmTemplate.Parse(Template), parameters.ToDictionary(p => p.Name, p => p.Value));
}
