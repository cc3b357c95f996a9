using System.Globalization;
using System.Text;

namespace NsclWorkflows.Domain.Text;

/// <summary>
/// Text as search compares it: Vietnamese without diacritics (đ → d), lower case, letters and digits only, words
/// separated by one space. "Công ty TNHH Cơ khí Hòa Khánh" and "cong ty tnhh co khi hoa khanh" fold alike.
/// </summary>
public static class SearchText
{
    /// <summary>Longest phrase kept (characters): a query is cut to the same length, so a longer one still matches.</summary>
    public const int MaxPhraseLength = 48;

    /// <summary>Most phrases one text yields (its first words'), so an index entry stays within one storage batch.</summary>
    public const int MaxPhrases = 24;

    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var ch in decomposed)
        {
            var c = ch is 'đ' or 'Đ' ? 'd' : ch;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c < 128 && char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true; // anything else (punctuation, other scripts) separates words
            }
        }

        return builder.ToString();
    }

    /// <summary>The query as the index holds it: folded and cut to <see cref="MaxPhraseLength"/>.</summary>
    public static string Query(string? value)
    {
        var folded = Fold(value);
        return folded.Length > MaxPhraseLength ? folded[..MaxPhraseLength].TrimEnd() : folded;
    }

    /// <summary>
    /// What an index holds for <paramref name="texts"/>: the folded text from each word on (cut to
    /// <see cref="MaxPhraseLength"/>), so that a prefix of any of them finds it: "hoa khanh" finds "… co khi hoa khanh".
    /// </summary>
    public static IReadOnlyList<string> Phrases(params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var phrases = new List<string>();
        foreach (var text in texts)
        {
            var folded = Fold(text);
            for (var i = 0; i < folded.Length && phrases.Count < MaxPhrases; i++)
            {
                if (i == 0 || folded[i - 1] == ' ')
                {
                    var phrase = folded[i..];
                    phrases.Add(phrase.Length > MaxPhraseLength ? phrase[..MaxPhraseLength].TrimEnd() : phrase);
                }
            }
        }

        return [.. phrases.Distinct(StringComparer.Ordinal)];
    }
}
