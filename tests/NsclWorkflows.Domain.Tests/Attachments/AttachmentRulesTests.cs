using System.IO.Compression;
using NsclWorkflows.Domain.Attachments;

namespace NsclWorkflows.Domain.Tests.Attachments;

public class AttachmentRulesTests
{
    static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public void Detect_ByContent_RecognisesTheFourTypesAndNothingElse()
    {
        Assert.Same(AttachmentRules.Pdf, AttachmentRules.Detect("%PDF-1.7\n"u8.ToArray()));
        Assert.Same(AttachmentRules.Png, AttachmentRules.Detect(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        Assert.Same(AttachmentRules.Jpeg, AttachmentRules.Detect(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }));
        Assert.Same(AttachmentRules.Docx, AttachmentRules.Detect(Zip("[Content_Types].xml", "word/document.xml")));
        Assert.Null(AttachmentRules.Detect(Zip("[Content_Types].xml", "xl/workbook.xml")));   // an Excel file is not a DOCX
        Assert.Null(AttachmentRules.Detect("MZ\x90\0"u8.ToArray()));
        Assert.Null(AttachmentRules.Detect("PK\x03\x04 broken"u8.ToArray()));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("Hợp đồng <số 1>.exe", "Hợp đồng _số 1.pdf")]
    [InlineData("...", "tai-lieu.pdf")]
    public void SafeName_KeepsLettersAndTakesTheDetectedExtension(string original, string expected)
    {
        var name = AttachmentRules.SafeName(original, AttachmentRules.Pdf);
        Assert.Equal(expected, name);
        Assert.True(AttachmentRules.IsSafeName(name));
    }

    [Theory]
    [InlineData("../x.pdf")]
    [InlineData("x.html")]
    [InlineData(".pdf")]
    public void IsSafeName_RefusesPathsAndOtherTypes(string name) => Assert.False(AttachmentRules.IsSafeName(name));

    [Theory]
    [InlineData(new[] { 0xFFFE, '.', 'p', 'n', 'g' })]
    [InlineData(new[] { 'a', 0xD800, '.', 'p', 'n', 'g' })]
    [InlineData(new[] { 'a', 0xDC00, 'b', '.', 'p', 'd', 'f' })]
    [InlineData(new[] { 'a', 0x202E, 'b', '.', 'p', 'd', 'f' })]
    public void Names_WithCharactersNormalisationRefuses_AreNeitherSafeNorAFailure(int[] units)
    {
        var name = new string(units.Select(u => (char)u).ToArray());

        Assert.False(AttachmentRules.IsSafeName(name));
        var cleaned = AttachmentRules.SafeName(name, AttachmentRules.Png);
        Assert.True(AttachmentRules.IsSafeName(cleaned), cleaned);
    }
}
