using System.Net.Mail;
using System.Text.Json;

namespace NsclWorkflows.Local.Email;

/// <summary>One error as SendGrid reports it: <c>{"message": "…", "field": "from", "help": null}</c>.</summary>
public sealed record SendGridError(string Message, string? Field, string? Help = null);

/// <summary>
/// Checks a v3 <c>mail/send</c> body the way SendGrid does for the mistakes a client can make: no from, no
/// personalizations or recipients, invalid addresses, no subject or content without a template, content out of order,
/// custom args that are not strings. Not a full copy of SendGrid's rules (size limits, attachments, sandbox mode, …).
/// </summary>
public static class SendGridRequestValidator
{
    public static IReadOnlyList<SendGridError> Validate(JsonElement body)
    {
        var errors = new List<SendGridError>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return [new SendGridError("Bad Request", null)];
        }

        if (!body.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SendGridError(
                "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
                "from"));
        }
        else if (!IsAddress(from))
        {
            errors.Add(new SendGridError("The from email does not contain a valid address.", "from.email"));
        }

        var hasTemplate = body.TryGetProperty("template_id", out var template) && template.ValueKind == JsonValueKind.String && template.GetString()!.Length > 0;
        var topSubject = body.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String && subject.GetString()!.Length > 0;
        var everyPersonalizationHasSubject = true;

        if (!body.TryGetProperty("personalizations", out var personalizations) || personalizations.ValueKind != JsonValueKind.Array
            || personalizations.GetArrayLength() == 0)
        {
            errors.Add(new SendGridError("The personalizations field is required and must have at least one personalization.", "personalizations"));
            everyPersonalizationHasSubject = false;
        }
        else
        {
            var i = 0;
            foreach (var p in personalizations.EnumerateArray())
            {
                ValidatePersonalization(p, i++, errors, ref everyPersonalizationHasSubject);
            }
        }

        if (!hasTemplate && !topSubject && !everyPersonalizationHasSubject)
        {
            errors.Add(new SendGridError(
                "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
                "subject"));
        }

        ValidateContent(body, hasTemplate, errors);
        ValidateCustomArgs(body, "custom_args", errors);
        return errors;
    }

    static void ValidatePersonalization(JsonElement p, int index, List<SendGridError> errors, ref bool hasSubject)
    {
        if (!p.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() == 0)
        {
            errors.Add(new SendGridError(
                "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
                $"personalizations.{index}.to"));
        }
        else
        {
            var j = 0;
            foreach (var address in to.EnumerateArray())
            {
                if (!IsAddress(address))
                {
                    errors.Add(new SendGridError("Does not contain a valid address.", $"personalizations.{index}.to.{j}.email"));
                }

                j++;
            }
        }

        if (!(p.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String && subject.GetString()!.Length > 0))
        {
            hasSubject = false;
        }

        ValidateCustomArgs(p, $"personalizations.{index}.custom_args", errors);
    }

    static void ValidateContent(JsonElement body, bool hasTemplate, List<SendGridError> errors)
    {
        var blocks = body.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
            ? content.EnumerateArray().Where(c => c.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0).ToList()
            : [];
        if (blocks.Count == 0)
        {
            if (!hasTemplate)
            {
                errors.Add(new SendGridError(
                    "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
                    "content"));
            }

            return;
        }

        var types = blocks.Select(c => c.TryGetProperty("type", out var t) ? t.GetString() : null).ToList();
        var plain = types.IndexOf("text/plain");
        var html = types.IndexOf("text/html");
        if (plain > 0 || (html >= 0 && html != (plain == 0 ? 1 : 0)))
        {
            errors.Add(new SendGridError("If present, text/plain and text/html may only be provided in this order, before any other content.", "content"));
        }
    }

    static void ValidateCustomArgs(JsonElement owner, string field, List<SendGridError> errors)
    {
        if (owner.TryGetProperty("custom_args", out var args) && args.ValueKind == JsonValueKind.Object
            && args.EnumerateObject().Any(a => a.Value.ValueKind != JsonValueKind.String))
        {
            errors.Add(new SendGridError("Custom args values must be strings.", field));
        }
    }

    static bool IsAddress(JsonElement address) =>
        address.ValueKind == JsonValueKind.Object && address.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String
        && MailAddress.TryCreate(email.GetString(), out _);
}
