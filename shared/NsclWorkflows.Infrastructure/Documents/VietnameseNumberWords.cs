using System.Text;

namespace NsclWorkflows.Infrastructure.Documents;

/// <summary>
/// Amounts in words as decisions print them ("Bằng chữ: Một trăm năm mươi triệu đồng"): groups of three digits
/// (nghìn, triệu, tỷ), "linh" for a zero tens digit, "mốt", "tư", "lăm" and "mười" where Vietnamese uses them.
/// </summary>
public static class VietnameseNumberWords
{
    static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    static readonly string[] Scales = ["", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ", " tỷ tỷ"];

    /// <summary>"Một trăm năm mươi triệu đồng" for 150000000 (capitalised, with the currency).</summary>
    public static string Dong(long amountVnd)
    {
        var words = Of(amountVnd);
        return char.ToUpperInvariant(words[0]) + words[1..] + " đồng";
    }

    /// <summary>The number in lower-case words ("hai mươi mốt" for 21).</summary>
    public static string Of(long value)
    {
        if (value == 0)
        {
            return Digits[0];
        }

        if (value < 0)
        {
            return "âm " + Of(-value);
        }

        var groups = new List<int>();
        for (var rest = value; rest > 0; rest /= 1000)
        {
            groups.Add((int)(rest % 1000));
        }

        var text = new StringBuilder();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Group(groups[i], full: i < groups.Count - 1)).Append(Scales[i]);
        }

        return text.ToString();
    }

    /// <summary>Three digits; <paramref name="full"/> when a higher group precedes ("không trăm linh năm").</summary>
    static string Group(int n, bool full)
    {
        int hundreds = n / 100, tens = n / 10 % 10, units = n % 10;
        var parts = new List<string>();
        if (hundreds > 0 || full)
        {
            parts.Add(Digits[hundreds] + " trăm");
        }

        if (tens == 0 && units > 0 && parts.Count > 0)
        {
            parts.Add("linh");
        }
        else if (tens == 1)
        {
            parts.Add("mười");
        }
        else if (tens > 1)
        {
            parts.Add(Digits[tens] + " mươi");
        }

        if (units > 0)
        {
            parts.Add(units switch
            {
                1 when tens > 1 => "mốt",
                4 when tens > 1 => "tư",
                5 when tens > 0 => "lăm",
                _ => Digits[units],
            });
        }

        return string.Join(' ', parts);
    }
}
