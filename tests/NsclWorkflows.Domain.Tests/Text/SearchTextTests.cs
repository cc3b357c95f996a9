using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Domain.Tests.Text;

public class SearchTextTests
{
    [Theory]
    [InlineData("Công ty TNHH Cơ khí Hòa Khánh", "cong ty tnhh co khi hoa khanh")]
    [InlineData("ĐÀ NẴNG – Đại Lộc", "da nang dai loc")]
    [InlineData("NSCL-2026-AB12CD", "nscl 2026 ab12cd")]
    [InlineData("  Hòa\tKhánh  ", "hoa khanh")]
    [InlineData("!!!", "")]
    public void Fold_VietnameseText_LowerCaseWithoutDiacriticsWordsBySpaces(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Fact]
    public void Phrases_Name_EachWordOnSoAWordPrefixMatches()
    {
        var phrases = SearchText.Phrases("Cơ khí Hòa Khánh", "0401234567");

        Assert.Equal(["co khi hoa khanh", "khi hoa khanh", "hoa khanh", "khanh", "0401234567"], phrases);
        Assert.Contains(phrases, p => p.StartsWith(SearchText.Query("hòa KHÁNH"), StringComparison.Ordinal));
    }

    [Fact]
    public void Phrases_LongName_BoundedInCountAndLength()
    {
        var phrases = SearchText.Phrases(string.Join(' ', Enumerable.Range(0, 60).Select(i => $"từ{i}")));

        Assert.Equal(SearchText.MaxPhrases, phrases.Count);
        Assert.All(phrases, p => Assert.True(p.Length <= SearchText.MaxPhraseLength));
    }
}
