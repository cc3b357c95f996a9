using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Http;

/// <summary>
/// Reads a JSON object into a record with System.Text.Json, strictly: a property the record does not declare is refused
/// (<see cref="JsonUnmappedMemberHandling.Disallow"/>, names as written: camelCase, case-sensitive), numbers are JSON
/// numbers. Before deserializing, the object is checked against the record's JSON contract so that every unknown field
/// and every value of the wrong JSON type is one field error (System.Text.Json stops at the first); the properties in
/// error are left out and the rest is deserialized, so the record's rules can still report the other fields.
/// </summary>
public static class StrictJsonBody
{
    /// <summary>The API's JSON settings, strict for reading request bodies.</summary>
    public static readonly JsonSerializerOptions Options = new(ApiJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// The record read from <paramref name="root"/> (null when nothing could be read) and the type errors found; the
    /// JSON names of the top-level properties in error are in <paramref name="refused"/> (their rules' answers are moot).
    /// </summary>
    public static T? Read<T>(JsonElement root, JsonBodyTexts texts, List<FieldError> errors, out IReadOnlySet<string> refused)
        where T : class => (T?)Read(root, typeof(T), texts, errors, out refused);

    /// <inheritdoc cref="Read{T}"/>
    public static object? Read(JsonElement root, Type type, JsonBodyTexts texts, List<FieldError> errors, out IReadOnlySet<string> refused)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(errors);
        var info = Options.GetTypeInfo(type);
        var bad = new HashSet<string>(StringComparer.Ordinal);
        refused = bad;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(texts.NotAnObject());
            return null;
        }

        var found = new List<FieldError>();
        foreach (var property in root.EnumerateObject())
        {
            Check(property, info, string.Empty, texts, found);
        }

        errors.AddRange(found);
        var paths = found.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        bad.UnionWith(paths.Select(RootOf));

        try
        {
            return JsonSerializer.Deserialize(Without(root, paths), info);
        }
        catch (JsonException e)
        {
            // The contract check above answers what System.Text.Json refuses; this is the net under it.
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            errors.Add(new FieldError(path, ErrorCodes.WrongType, texts.WrongType(path, typeof(object))));
            return null;
        }
    }

    /// <summary>Drops the answers of rules on properties already refused as unknown or of the wrong type.</summary>
    public static IEnumerable<FieldError> Besides(this IEnumerable<FieldError> ruleErrors, IReadOnlySet<string> refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return ruleErrors.Where(e => !refused.Contains(RootOf(e.Field)));
    }

    static string RootOf(string path) => path.Split('[', '.')[0];

    static void Check(JsonProperty property, JsonTypeInfo owner, string prefix, JsonBodyTexts texts, List<FieldError> errors)
    {
        var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
        var declared = owner.Properties.FirstOrDefault(p => p.Name == property.Name);
        if (declared is null)
        {
            errors.Add(new FieldError(path, ErrorCodes.UnknownField, texts.Unknown(path, owner.Type)));
            return;
        }

        Value(property.Value, declared.PropertyType, path, texts, errors);
    }

    static void Value(JsonElement value, Type type, string path, JsonBodyTexts texts, List<FieldError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(bool))
        {
            var fits = type == typeof(string) ? value.ValueKind == JsonValueKind.String : value.ValueKind is JsonValueKind.True or JsonValueKind.False;
            Expect(fits, value, type, path, texts, errors);
        }
        else if (type == typeof(int) || type == typeof(long) || type == typeof(decimal))
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                errors.Add(new FieldError(path, ErrorCodes.WrongType, texts.WrongType(path, type)));
            }
            else if (!(type == typeof(int) ? value.TryGetInt32(out _) : type == typeof(long) ? value.TryGetInt64(out _) : value.TryGetDecimal(out _)))
            {
                errors.Add(texts.Unrepresentable(path, type, value));
            }
        }
        else if (type == typeof(DateOnly))
        {
            if (value.ValueKind == JsonValueKind.String && JsonText.TryGetString(value, out var text)
                && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add(texts.BadDate(path));
            }
            else
            {
                Expect(value.ValueKind == JsonValueKind.String, value, type, path, texts, errors);
            }
        }
        else if (ItemType(type) is { } item)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new FieldError(path, ErrorCodes.WrongType, texts.WrongType(path, type)));
                return;
            }

            var i = 0;
            foreach (var element in value.EnumerateArray())
            {
                var itemPath = $"{path}[{i++}]";
                var found = new List<FieldError>();
                if (element.ValueKind == JsonValueKind.Null)
                {
                    // A list holds values: a null item is of no type the list takes.
                    found.Add(new FieldError(itemPath, ErrorCodes.WrongType, texts.WrongType(itemPath, item)));
                }
                else
                {
                    Value(element, item, itemPath, texts, found);
                }

                errors.AddRange(found.Count == 0 ? found : texts.Item(itemPath, item, found));
            }
        }
        else if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, ErrorCodes.WrongType, texts.WrongType(path, type)));
        }
        else
        {
            var info = Options.GetTypeInfo(type);
            foreach (var property in value.EnumerateObject())
            {
                Check(property, info, path, texts, errors);
            }
        }
    }

    static void Expect(bool fits, JsonElement value, Type type, string path, JsonBodyTexts texts, List<FieldError> errors)
    {
        if (!fits)
        {
            errors.Add(new FieldError(path, ErrorCodes.WrongType, texts.WrongType(path, type)));
        }
        else if (value.ValueKind == JsonValueKind.String && !JsonText.TryGetString(value, out _))
        {
            errors.Add(texts.Undecodable(path));
        }
    }

    static Type? ItemType(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var item]
            && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(type) ? item : null;

    /// <summary>
    /// The object as UTF-8 JSON without what is in error: a property at one of <paramref name="paths"/> is left out, an
    /// item at one of them is null (so the list keeps its length and the other items their places).
    /// </summary>
    static byte[] Without(JsonElement root, HashSet<string> paths)
    {
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer);
        Write(root, string.Empty);
        writer.Flush();
        return buffer.ToArray();

        void Write(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                        if (!paths.Contains(child))
                        {
                            writer.WritePropertyName(property.Name);
                            Write(property.Value, child);
                        }
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        var child = $"{path}[{i++}]";
                        if (paths.Contains(child))
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            Write(item, child);
                        }
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }
}

/// <summary>The Vietnamese words of <see cref="StrictJsonBody"/>'s errors, per kind of body (an action's, a submission).</summary>
public abstract class JsonBodyTexts
{
    /// <summary>A property the record does not declare (<paramref name="owner"/>: the record or item it was sent in).</summary>
    public abstract string Unknown(string path, Type owner);

    /// <summary>A value of another JSON type than <paramref name="expected"/> takes.</summary>
    public abstract string WrongType(string path, Type expected);

    /// <summary>A number the type cannot hold (too large, a fraction for a whole number, 1e400).</summary>
    public virtual FieldError Unrepresentable(string path, Type expected, JsonElement value) => new(path, ErrorCodes.WrongType, WrongType(path, expected));

    /// <summary>A string whose escapes are no text (a lone surrogate; the request reader refuses it first).</summary>
    public virtual FieldError Undecodable(string path) => new(path, ErrorCodes.InvalidCharacters, WrongType(path, typeof(string)));

    /// <summary>The errors of one item of a list, as reported (by default each as found).</summary>
    public virtual IEnumerable<FieldError> Item(string itemPath, Type itemType, IReadOnlyList<FieldError> found) => found;

    /// <summary>A text that is no <c>yyyy-MM-dd</c> date (by default a value of the wrong type).</summary>
    public virtual FieldError BadDate(string path) => new(path, ErrorCodes.WrongType, WrongType(path, typeof(DateOnly)));

    public virtual FieldError NotAnObject() => new(string.Empty, ErrorCodes.WrongType, "Nội dung gửi lên phải là một đối tượng JSON.");
}
