using System.Globalization;
using System.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Text;

/// <summary>What makes a piece of text unfit to be stored and shown.</summary>
public enum TextHazard
{
    None,

    /// <summary>A Unicode noncharacter (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF): never text; XML cannot hold U+FFFE/U+FFFF.</summary>
    Noncharacter,

    /// <summary>Half of a UTF-16 surrogate pair: not a character at all; normalisation and XML writers throw on it.</summary>
    LoneSurrogate,

    /// <summary>An explicit bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): reorders what a reader sees.</summary>
    BidiControl,

    /// <summary>Another invisible format character (general category Cf: U+200B, ZWJ/ZWNJ, U+FEFF, U+00AD, tags…).</summary>
    FormatCharacter,

    /// <summary>A C0/C1 control (U+0000–U+001F, U+007F–U+009F) other than tab and line breaks in multi-line text.</summary>
    ControlCharacter,

    /// <summary>A private-use code point (U+E000–U+F8FF, planes 15–16): no agreed meaning, shown as anything or nothing.</summary>
    PrivateUse,
}

/// <summary>The first hazard in a text: what it is, the code point and its position (1-based, in characters).</summary>
public readonly record struct TextFinding(TextHazard Hazard, int CodePoint, int Position)
{
    public static readonly TextFinding None = new(TextHazard.None, 0, 0);

    public bool IsHazard => Hazard != TextHazard.None;

    /// <summary>The code point as people write it (U+202E).</summary>
    public string CodePointText => $"U+{CodePoint:X4}";
}

/// <summary>
/// The one rule for text a client sends (names, titles, free text, file names): it refuses what is not text or
/// changes what a reader sees — noncharacters, lone surrogates, bidi controls, other invisible format characters
/// (general category Cf, including U+200B–U+200D and U+FEFF: Vietnamese needs none of them), C0/C1 controls (tab, CR
/// and LF are allowed in multi-line fields only; one-line fields collapse them to a space) and private-use code points.
/// Letters of every script, combining marks and emoji (whole surrogate pairs) pass. <see cref="Clean"/> applies the
/// same rule by dropping, for writers of documents and e-mails that must never throw on what is already stored.
/// </summary>
public static class TextSafety
{
    /// <summary>Checks <paramref name="value"/>; a one-line field still accepts tab/CR/LF (they are white space it collapses).</summary>
    public static TextFinding Find(string? value)
    {
        if (value is null)
        {
            return TextFinding.None;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x7F && c >= 0x20)
            {
                continue;
            }

            int codePoint;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return new(TextHazard.LoneSurrogate, c, i + 1);
                }

                codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if (Classify(codePoint) is var supplementary and not TextHazard.None)
                {
                    return new(supplementary, codePoint, i + 1);
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return new(TextHazard.LoneSurrogate, c, i + 1);
            }

            codePoint = c;
            if (Classify(codePoint) is var hazard and not TextHazard.None)
            {
                return new(hazard, codePoint, i + 1);
            }
        }

        return TextFinding.None;
    }

    /// <summary>True when nothing in <paramref name="value"/> is refused.</summary>
    public static bool IsSafe(string? value) => !Find(value).IsHazard;

    /// <summary>
    /// The field error for <paramref name="value"/> (code <see cref="ErrorCodes.InvalidCharacters"/>, a Vietnamese message
    /// naming the character and where it is), or null when the text is fine.
    /// </summary>
    public static FieldError? Check(string? value, string field, string label)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(label);
        var finding = Find(value);
        return finding.IsHazard ? Error(field, label, finding) : null;
    }

    /// <summary>The field error for a finding, e.g. "Tên doanh nghiệp chứa ký tự điều khiển hướng chữ (U+202E) ở vị trí 12…".</summary>
    public static FieldError Error(string field, string label, TextFinding finding)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(label);
        return new FieldError(field, ErrorCodes.InvalidCharacters,
            $"{label} chứa {Describe(finding.Hazard)} ({finding.CodePointText}) ở vị trí {finding.Position.ToString(CultureInfo.InvariantCulture)}; " +
            "vui lòng xóa ký tự này hoặc gõ lại nội dung (khi dán từ tài liệu khác, hãy dán dưới dạng văn bản thuần).");
    }

    /// <summary>Vietnamese name of a hazard, as it appears in messages.</summary>
    public static string Describe(TextHazard hazard) => hazard switch
    {
        TextHazard.Noncharacter => "ký tự không thuộc bảng mã văn bản",
        TextHazard.LoneSurrogate => "mã ký tự bị hỏng (nửa cặp UTF-16)",
        TextHazard.BidiControl => "ký tự điều khiển hướng chữ (có thể làm văn bản hiển thị sai lệch)",
        TextHazard.FormatCharacter => "ký tự định dạng ẩn (không nhìn thấy khi hiển thị)",
        TextHazard.ControlCharacter => "ký tự điều khiển",
        TextHazard.PrivateUse => "ký tự thuộc vùng dùng riêng (không có nghĩa chung)",
        _ => "ký tự không hợp lệ",
    };

    /// <summary>
    /// Drops every refused character; CR LF and CR become LF when <paramref name="multiLine"/> (tabs stay), else line
    /// breaks and tabs become spaces: for writers that must render text stored before this rule existed, or arriving by another path.
    /// </summary>
    public static string Clean(string? value, bool multiLine)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (Find(value) is { IsHazard: false } && value.IndexOf('\r', StringComparison.Ordinal) < 0
            && (multiLine || (value.IndexOf('\n', StringComparison.Ordinal) < 0 && value.IndexOf('\t', StringComparison.Ordinal) < 0)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                if (i + 1 < value.Length && value[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (c == '\n')
            {
                builder.Append(multiLine ? '\n' : ' ');
                continue;
            }

            if (c == '\t')
            {
                builder.Append(multiLine ? '\t' : ' ');
                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    if (Classify(char.ConvertToUtf32(c, value[i + 1])) == TextHazard.None)
                    {
                        builder.Append(c).Append(value[i + 1]);
                    }

                    i++;
                }

                continue;
            }

            if (!char.IsLowSurrogate(c) && Classify(c) == TextHazard.None)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The hazard of one scalar value (tab, CR and LF are not hazards here: callers decide about lines).</summary>
    static TextHazard Classify(int codePoint)
    {
        if (codePoint is '\t' or '\n' or '\r')
        {
            return TextHazard.None;
        }

        if (codePoint < 0x20 || codePoint is >= 0x7F and <= 0x9F)
        {
            return TextHazard.ControlCharacter;
        }

        if (codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE)
        {
            return TextHazard.Noncharacter;
        }

        if (codePoint is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C)
        {
            return TextHazard.BidiControl;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.Format => TextHazard.FormatCharacter,
            UnicodeCategory.PrivateUse => TextHazard.PrivateUse,
            _ => TextHazard.None,
        };
    }
}
