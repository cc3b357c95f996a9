using System.Globalization;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// Money for the task from another programme or source (lồng ghép): the source's id in
/// <see cref="ApplicationForm.CoFundingSources"/> (<see cref="CoFundingRules.Other"/> for one the list does not name),
/// its name as printed (the list's, or the enterprise's words for "khác") and the amount in đồng. Stored: only add fields.
/// </summary>
public sealed record CoFundingSource(string SourceId, string Name, long AmountVnd);

/// <summary>One co-funding source as sent (null: absent).</summary>
public sealed record CoFundingDraft(string? SourceId, string? OtherName, long? AmountVnd);

/// <summary>
/// The rules of a task's co-funding from other programmes and sources, one set for the form, an officer's correction
/// at approval and the enterprise's correction of an order: at most <see cref="MaxSources"/> sources, each a source of
/// the closed list (each at most once) or "khác" with its name (safe text, <see cref="MinNameLength"/> to
/// <see cref="MaxNameLength"/> characters), and an amount from 1 đồng to <see cref="SubmissionValidator.AbsoluteMaximumVnd"/>.
/// </summary>
public static class CoFundingRules
{
    /// <summary>The source id for a source the list does not name ("khác", with its name).</summary>
    public const string Other = "khac";

    public const int MaxSources = 10;
    public const int MinNameLength = 2;
    public const int MaxNameLength = 300;

    /// <summary>The JSON names of a source's fields.</summary>
    public const string SourceIdField = "sourceId";
    public const string OtherNameField = "otherName";
    public const string AmountField = "amountVnd";

    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Every reason <paramref name="drafts"/> are refused, with paths under <paramref name="field"/> (<c>coFunding[1].amountVnd</c>).</summary>
    public static IReadOnlyList<FieldError> Check(IReadOnlyList<CoFundingDraft?>? drafts, ApplicationForm form, string field = SubmissionFields.CoFunding)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        if (drafts is null)
        {
            return errors;
        }

        if (drafts.Count > MaxSources)
        {
            errors.Add(new(field, ErrorCodes.TooLong, $"Mỗi nhiệm vụ nêu tối đa {MaxSources} nguồn kinh phí lồng ghép."));
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (drafts[i] is not { } draft)
            {
                errors.Add(new(at, ErrorCodes.Required, "Mỗi nguồn kinh phí lồng ghép gồm nguồn (sourceId) và số tiền (amountVnd)."));
                continue;
            }

            var id = draft.SourceId is null ? null : VietnameseText.NormaliseLine(draft.SourceId);
            if (string.IsNullOrEmpty(id))
            {
                errors.Add(new($"{at}.{SourceIdField}", ErrorCodes.Required, "Vui lòng chọn nguồn kinh phí lồng ghép."));
            }
            else if (!TextSafety.IsSafe(draft.SourceId) || form.FindCoFundingSource(id) is null)
            {
                errors.Add(new($"{at}.{SourceIdField}", ErrorCodes.NotInList,
                    "Nguồn kinh phí lồng ghép phải là một chương trình trong danh mục, hoặc “Khác” kèm tên nguồn."));
            }
            else if (id != Other && !seen.Add(id))
            {
                errors.Add(new($"{at}.{SourceIdField}", ErrorCodes.OutOfRange, $"Nguồn “{form.FindCoFundingSource(id)!.Name}” đã được nêu; mỗi chương trình nêu một lần."));
            }

            if (id == Other)
            {
                if (TextSafety.Check(draft.OtherName, $"{at}.{OtherNameField}", "Tên nguồn kinh phí khác") is { } bad)
                {
                    errors.Add(bad);
                }
                else if (string.IsNullOrWhiteSpace(draft.OtherName))
                {
                    errors.Add(new($"{at}.{OtherNameField}", ErrorCodes.Required, "Vui lòng ghi rõ tên nguồn kinh phí khác."));
                }
                else if (Length(draft.OtherName) is var length && (length < MinNameLength || length > MaxNameLength))
                {
                    errors.Add(new($"{at}.{OtherNameField}", length < MinNameLength ? ErrorCodes.TooShort : ErrorCodes.TooLong,
                        $"Tên nguồn kinh phí khác từ {MinNameLength} đến {MaxNameLength} ký tự."));
                }
            }
            else if (!string.IsNullOrWhiteSpace(draft.OtherName))
            {
                errors.Add(new($"{at}.{OtherNameField}", ErrorCodes.OutOfRange, "Chỉ ghi tên nguồn khi chọn “Khác”; nguồn trong danh mục đã có tên."));
            }

            if (draft.AmountVnd is not { } amount)
            {
                errors.Add(new($"{at}.{AmountField}", ErrorCodes.Required, "Vui lòng nhập số tiền của nguồn kinh phí lồng ghép."));
            }
            else if (amount <= 0 || amount > SubmissionValidator.AbsoluteMaximumVnd)
            {
                errors.Add(new($"{at}.{AmountField}", ErrorCodes.OutOfRange,
                    $"Số tiền của nguồn kinh phí lồng ghép phải lớn hơn 0 và không vượt quá {SubmissionValidator.AbsoluteMaximumVnd.ToString("N0", Vi)} đồng."));
            }
        }

        return errors;
    }

    /// <summary>The sources as recorded (checked by <see cref="Check"/> first); null when none.</summary>
    public static IReadOnlyList<CoFundingSource>? Normalise(IReadOnlyList<CoFundingDraft?>? drafts, ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (drafts is not { Count: > 0 })
        {
            return null;
        }

        return [.. drafts.Select(d =>
        {
            var id = VietnameseText.NormaliseLine(d!.SourceId!);
            var name = id == Other ? VietnameseText.NormaliseLine(d.OtherName!) : form.FindCoFundingSource(id)!.Name;
            return new CoFundingSource(id, name, d.AmountVnd!.Value);
        })];
    }

    /// <summary>The recorded sources as drafts again (to correct some and keep the others).</summary>
    public static IReadOnlyList<CoFundingDraft?>? Drafts(IReadOnlyList<CoFundingSource>? sources) =>
        sources?.Select(s => (CoFundingDraft?)new CoFundingDraft(s.SourceId, s.SourceId == Other ? s.Name : null, s.AmountVnd)).ToList();

    /// <summary>The sum of the sources, in đồng (0: none).</summary>
    public static long Total(IReadOnlyList<CoFundingSource>? sources) => sources?.Sum(s => s.AmountVnd) ?? 0;

    /// <summary>"Chương trình khuyến công: 50.000.000 đồng; Quỹ …: 20.000.000 đồng"; empty when none.</summary>
    public static string Describe(IReadOnlyList<CoFundingSource>? sources) =>
        string.Join("; ", (sources ?? []).Select(s => $"{s.Name}: {s.AmountVnd.ToString("N0", Vi)} đồng"));

    static int Length(string text) => new StringInfo(VietnameseText.NormaliseLine(text)).LengthInTextElements;
}
