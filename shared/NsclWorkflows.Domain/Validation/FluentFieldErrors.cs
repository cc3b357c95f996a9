using System.Text;
using FluentValidation.Results;

namespace NsclWorkflows.Domain.Validation;

/// <summary>
/// FluentValidation's failures as the API's <see cref="FieldError"/>s: the property path in the JSON's camelCase
/// (<c>Scores[0].Criterion</c> → <c>scores[0].criterion</c>), the rule's error code and its Vietnamese message, in the
/// order the rules are declared.
/// </summary>
public static class FluentFieldErrors
{
    public static IReadOnlyList<FieldError> Of(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Errors.Select(e => new FieldError(JsonPath(e.PropertyName), e.ErrorCode, e.ErrorMessage))];
    }

    /// <summary>A C# property path in camelCase, segment by segment.</summary>
    public static string JsonPath(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        var path = new StringBuilder(propertyPath);
        for (var i = 0; i < path.Length; i++)
        {
            if ((i == 0 || path[i - 1] == '.') && char.IsUpper(path[i]))
            {
                path[i] = char.ToLowerInvariant(path[i]);
            }
        }

        return path.ToString();
    }
}
