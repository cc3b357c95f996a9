using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Tests.Applications;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Domain.Tests.Text;

public class TextSafetyTests
{
    /// <summary>UTF-16 code units (xUnit would mangle a lone surrogate in a string argument), then the expected finding at position 2.</summary>
    public static TheoryData<int[], TextHazard, int> Hostile => new()
    {
        { ['A', 0xFFFF], TextHazard.Noncharacter, 0xFFFF },
        { ['A', 0xFFFE], TextHazard.Noncharacter, 0xFFFE },
        { ['A', 0xFDD0], TextHazard.Noncharacter, 0xFDD0 },
        { ['A', 0xD83F, 0xDFFF], TextHazard.Noncharacter, 0x1FFFF },
        { ['A', 0xDBFF, 0xDFFE], TextHazard.Noncharacter, 0x10FFFE },
        { ['A', 0xD800], TextHazard.LoneSurrogate, 0xD800 },
        { ['A', 0xDC00, 'B'], TextHazard.LoneSurrogate, 0xDC00 },
        { ['A', 0xD800, 'B'], TextHazard.LoneSurrogate, 0xD800 },
        { ['A', 0x202E], TextHazard.BidiControl, 0x202E },
        { ['A', 0x2066], TextHazard.BidiControl, 0x2066 },
        { ['A', 0x200F], TextHazard.BidiControl, 0x200F },
        { ['A', 0x061C], TextHazard.BidiControl, 0x061C },
        { ['A', 0x200B], TextHazard.FormatCharacter, 0x200B },
        { ['A', 0x200D], TextHazard.FormatCharacter, 0x200D },
        { ['A', 0xFEFF], TextHazard.FormatCharacter, 0xFEFF },
        { ['A', 0x00AD], TextHazard.FormatCharacter, 0x00AD },
        { ['A', 0xDB40, 0xDC41], TextHazard.FormatCharacter, 0xE0041 },
        { ['A', 0x0000], TextHazard.ControlCharacter, 0x0000 },
        { ['A', 0x001B], TextHazard.ControlCharacter, 0x001B },
        { ['A', 0x007F], TextHazard.ControlCharacter, 0x007F },
        { ['A', 0x0085], TextHazard.ControlCharacter, 0x0085 },
        { ['A', 0xE000], TextHazard.PrivateUse, 0xE000 },
        { ['A', 0xDB80, 0xDC00], TextHazard.PrivateUse, 0xF0000 },
    };

    static string Text(int[] units) => new(units.Select(u => (char)u).ToArray());

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Find_HostileCharacter_NamesItAndItsPosition(int[] units, TextHazard hazard, int codePoint)
    {
        var finding = TextSafety.Find(Text(units));

        Assert.Equal((hazard, codePoint, 2), (finding.Hazard, finding.CodePoint, finding.Position));
    }

    [Theory]
    [InlineData("Công ty TNHH Cơ khí Hòa Khánh")]
    [InlineData("Dòng một\nDòng hai\r\n\tthụt lề")]
    [InlineData("Robot 🤖 và 𝔸𝕀 (U+1D538) 中文 العربية")]
    [InlineData("Cafe\u0301 (combining accent)")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_OrdinaryText_FindsNothing(string? text)
    {
        Assert.False(TextSafety.Find(text).IsHazard);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Clean_HostileCharacter_IsDroppedAndTheRestKept(int[] units, TextHazard hazard, int codePoint)
    {
        _ = (hazard, codePoint);
        var cleaned = TextSafety.Clean(Text(units) + "Z 🤖", multiLine: true);

        Assert.StartsWith("A", cleaned, StringComparison.Ordinal);
        Assert.EndsWith("Z 🤖", cleaned, StringComparison.Ordinal);
        Assert.True(TextSafety.IsSafe(cleaned));
    }

    [Fact]
    public void Clean_LineBreaksAndTabs_KeptInMultiLineAndSpacesInOneLine()
    {
        Assert.Equal("a\nb\nc\td", TextSafety.Clean("a\r\nb\rc\td", multiLine: true));
        Assert.Equal("a b c d", TextSafety.Clean("a\r\nb\rc\td", multiLine: false));
    }

    [Fact]
    public void Check_Hazard_GivesFieldErrorWithStableCodeAndVietnameseMessage()
    {
        var error = TextSafety.Check("Công ty \u202Eabc", "enterpriseName", "Tên doanh nghiệp");

        Assert.NotNull(error);
        Assert.Equal(("enterpriseName", ErrorCodes.InvalidCharacters), (error.Field, error.Code));
        Assert.Contains("U+202E", error.Message, StringComparison.Ordinal);
        Assert.Contains("vị trí 9", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Tên doanh nghiệp chứa ký tự điều khiển hướng chữ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Validate_HostileCharacterInEveryTextField_IsRefusedForThatFieldOnly(int[] units, TextHazard hazard, int codePoint)
    {
        _ = (hazard, codePoint);
        var text = Text(units);
        var validator = new SubmissionValidator(EmbeddedCatalogue.Load());
        var hostile = "Nội dung " + text + " đủ dài để qua giới hạn độ dài tối thiểu";
        var drafts = new (string Field, SubmissionDraft Draft)[]
        {
            (SubmissionFields.EnterpriseName, SubmissionDrafts.Valid() with { EnterpriseName = hostile }),
            (SubmissionFields.ContactName, SubmissionDrafts.Valid() with { ContactName = "Hạnh " + text }),
            (SubmissionFields.Title, SubmissionDrafts.Valid() with { Title = hostile }),
            (SubmissionFields.Summary, SubmissionDrafts.Valid() with { Summary = hostile }),
            (SubmissionFields.ContactEmail, SubmissionDrafts.Valid() with { ContactEmail = "a" + text + "@congty.vn" }),
            (SubmissionFields.Phone, SubmissionDrafts.Valid() with { Phone = "0236" + text + "3822000" }),
            (SubmissionFields.EnterpriseCode, SubmissionDrafts.Valid() with { EnterpriseCode = "0401234567" + text }),
            (SubmissionFields.SupportKindId, SubmissionDrafts.Valid() with { SupportKindId = "productivity-tools" + text }),
        };

        foreach (var (field, draft) in drafts)
        {
            var error = Assert.Single(validator.Validate(draft).Errors);
            Assert.Equal((field, ErrorCodes.InvalidCharacters), (error.Field, error.Code));
        }
    }
}
