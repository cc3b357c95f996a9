using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NsclWorkflows.Deployment.Tests.Support;

/// <summary>
/// A small evaluator of ARM template expressions (<c>[if(parameters('x'), 'a', 'b')]</c>): enough of the language for
/// what main.bicep computes from its parameters. <c>if</c> evaluates only the branch it takes; a function it does not
/// know gives <see cref="Unknown"/>, as does any member of an unknown value.
/// </summary>
static class ArmExpression
{
    /// <summary>A value known only when ARM deploys (an id, a module output, the tenant, ...).</summary>
    public sealed record Unknown(string Text);

    public static bool IsExpression(string text) =>
        text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith(']');

    public static object? Evaluate(string expression, ArmDeployment scope)
    {
        var parser = new Parser(expression[1..^1]);
        var node = parser.ParseExpression();
        parser.ExpectEnd();
        return node.Evaluate(scope);
    }

    /// <summary>A condition: true, false, or (unknown) an error, because the test could not say what deploys.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        Unknown unknown => throw new InvalidOperationException($"Condition known only at deployment: {unknown.Text}"),
        _ => throw new InvalidOperationException($"Not a boolean: {value}"),
    };

    static bool IsEmpty(object? value) => value switch
    {
        null => true,
        Unknown => false,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        _ => false,
    };

    static object? Call(string name, IReadOnlyList<Node> args, string source, ArmDeployment scope)
    {
        object?[] Values() => args.Select(a => a.Evaluate(scope)).ToArray();
        switch (name.ToLowerInvariant())
        {
            case "if":
                var condition = args[0].Evaluate(scope);
                return condition is Unknown ? new Unknown(source) : args[IsTrue(condition) ? 1 : 2].Evaluate(scope);
            case "parameters":
                return scope.Parameter(Text(args[0].Evaluate(scope)));
            case "variables":
                return scope.Variable(Text(args[0].Evaluate(scope)));
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
            case "null":
                return null;
            case "not":
                return Logic(Values(), v => !v[0]);
            case "and":
                return Logic(Values(), v => v.All(b => b));
            case "or":
                return Logic(Values(), v => v.Any(b => b));
            case "empty":
                return JsonValue.Create(IsEmpty(args[0].Evaluate(scope)));
            case "equals":
                var pair = Values();
                return pair.Any(v => v is Unknown) ? new Unknown("equals") : JsonValue.Create(JsonNode.DeepEquals(ArmDeployment.ToNode(pair[0]), ArmDeployment.ToNode(pair[1])));
            case "createarray":
                return new JsonArray(Values().Select(ArmDeployment.ToNode).ToArray());
            case "createobject":
                var items = Values();
                var created = new JsonObject();
                for (var i = 0; i < items.Length; i += 2)
                {
                    created[Text(items[i])] = ArmDeployment.ToNode(items[i + 1]);
                }

                return created;
            case "length":
                return args[0].Evaluate(scope) switch
                {
                    JsonArray array => JsonValue.Create((long)array.Count),
                    JsonObject obj => JsonValue.Create((long)obj.Count),
                    JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create((long)s.Length),
                    _ => new Unknown(source),
                };
            case "union":
                return Union(Values());
            case "concat" when Values() is var parts && parts.All(p => p is JsonValue):
                return JsonValue.Create(string.Concat(parts.Select(Text)));
            case "format" when Values() is var parts && parts.All(p => p is JsonValue):
                return JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(parts[0]), parts.Skip(1).Select(p => (object?)p!.ToString()).ToArray()));
            default:
                return new Unknown(source);
        }
    }

    static object Logic(object?[] values, Func<bool[], bool> rule) =>
        values.Any(v => v is Unknown) ? new Unknown("logic") : JsonValue.Create(rule(values.Select(IsTrue).ToArray()));

    static object Union(object?[] values)
    {
        if (values.Any(v => v is Unknown))
        {
            return new Unknown("union");
        }

        if (values.All(v => v is JsonArray))
        {
            var merged = new JsonArray();
            foreach (var item in values.Cast<JsonArray>().SelectMany(a => a).Where(item => !merged.Any(m => JsonNode.DeepEquals(m, item))))
            {
                merged.Add(item?.DeepClone());
            }

            return merged;
        }

        var result = new JsonObject();
        foreach (var obj in values.Cast<JsonObject>())
        {
            foreach (var (key, value) in obj)
            {
                result[key] = result[key] is JsonObject left && value is JsonObject right
                    ? (JsonNode)Union([left.DeepClone(), right])
                    : value?.DeepClone();
            }
        }

        return result;
    }

    static string Text(object? value) => value is JsonValue v && v.TryGetValue<string>(out var s)
        ? s
        : throw new InvalidOperationException($"Expected a string, got {value}");

    abstract record Node
    {
        public abstract object? Evaluate(ArmDeployment scope);
    }

    sealed record Literal(JsonNode Value) : Node
    {
        public override object? Evaluate(ArmDeployment scope) => Value.DeepClone();
    }

    /// <param name="Source">The call as written, the text of an <see cref="Unknown"/> result.</param>
    sealed record FunctionCall(string Name, IReadOnlyList<Node> Args, string Source) : Node
    {
        public override object? Evaluate(ArmDeployment scope) => Call(Name, Args, Source, scope);
    }

    sealed record Member(Node Target, Node Key) : Node
    {
        public override object? Evaluate(ArmDeployment scope)
        {
            var target = Target.Evaluate(scope);
            var key = Key.Evaluate(scope);
            return (target, key) switch
            {
                (Unknown unknown, _) => new Unknown(unknown.Text + "." + key),
                (JsonObject obj, JsonValue name) when name.TryGetValue<string>(out var n) =>
                    obj.TryGetPropertyValue(n, out var v) ? v?.DeepClone() : throw new KeyNotFoundException($"No property '{n}' in {obj.ToJsonString()}"),
                (JsonArray array, JsonValue index) when index.TryGetValue<int>(out var i) => array[i]?.DeepClone(),
                _ => new Unknown($"{target}[{key}]"),
            };
        }
    }

    sealed class Parser(string text)
    {
        int position;

        public Node ParseExpression()
        {
            SkipSpace();
            var start = position;
            Node node;
            if (Peek() == '\'')
            {
                node = new Literal(JsonValue.Create(ReadString()));
            }
            else if (char.IsDigit(Peek()) || Peek() == '-')
            {
                position++;
                while (char.IsDigit(Peek()))
                {
                    position++;
                }

                node = new Literal(JsonValue.Create(long.Parse(text[start..position], CultureInfo.InvariantCulture)));
            }
            else
            {
                var name = ReadIdentifier();
                Expect('(');
                var args = new List<Node>();
                SkipSpace();
                while (Peek() != ')')
                {
                    args.Add(ParseExpression());
                    SkipSpace();
                    if (Peek() == ',')
                    {
                        position++;
                    }
                }

                Expect(')');
                node = new FunctionCall(name, args, text[start..position]);
            }

            while (true)
            {
                SkipSpace();
                if (Peek() == '.')
                {
                    position++;
                    node = new Member(node, new Literal(JsonValue.Create(ReadIdentifier())));
                }
                else if (Peek() == '[')
                {
                    position++;
                    var key = ParseExpression();
                    Expect(']');
                    node = new Member(node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (position != text.Length)
            {
                throw new FormatException($"Unexpected '{text[position..]}' in [{text}]");
            }
        }

        char Peek() => position < text.Length ? text[position] : '\0';

        void SkipSpace()
        {
            while (char.IsWhiteSpace(Peek()))
            {
                position++;
            }
        }

        void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw new FormatException($"Expected '{c}' at {position} in [{text}]");
            }

            position++;
        }

        string ReadIdentifier()
        {
            SkipSpace();
            var start = position;
            while (char.IsLetterOrDigit(Peek()) || Peek() == '_' || Peek() == '$')
            {
                position++;
            }

            return start == position ? throw new FormatException($"Expected a name at {position} in [{text}]") : text[start..position];
        }

        string ReadString()
        {
            var builder = new StringBuilder();
            position++;
            while (true)
            {
                if (position >= text.Length)
                {
                    throw new FormatException($"Unterminated string in [{text}]");
                }

                var c = text[position++];
                if (c != '\'')
                {
                    builder.Append(c);
                }
                else if (Peek() == '\'')
                {
                    builder.Append('\'');
                    position++;
                }
                else
                {
                    return builder.ToString();
                }
            }
        }
    }
}
