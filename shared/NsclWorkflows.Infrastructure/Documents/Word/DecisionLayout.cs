using DocumentFormat.OpenXml.Wordprocessing;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Infrastructure.Documents.Word;

/// <summary>
/// What every decision of a sở's Director (the Department's, or the lead unit's that handles the file) has in the same words (Nghị định 30/2020/NĐ-CP): the opening (the
/// draft mark while unsigned, the heading, "QUYẾT ĐỊNH" with its summary, the signer's capacity, the legal bases), the
/// numbered articles, and the closing (the enforcement article, signature and recipients). The approval and the
/// recognition decisions differ only in what lies between.
/// </summary>
static class DecisionLayout
{
    public static void Opening(WordFile file, DocumentHeader header, DocumentIssuer issuer, bool isDraft, string summary, IEnumerable<string> legalBases, int width)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (isDraft)
        {
            file.Add(OfficialLayout.DraftMark());
        }

        file.Add(OfficialLayout.Heading(header));
        file.AddRange(OfficialLayout.Title("Quyết định", summary, width));
        ArgumentNullException.ThrowIfNull(issuer);
        file.Add(Para.Of(issuer.DirectorLine, new TextStyle(14, Bold: true), Layout.Centered with { Before = 240, After = 240 }));
        foreach (var basis in legalBases)
        {
            file.Add(Para.Of(basis, new TextStyle(14, Italic: true), Layout.Body));
        }
    }

    public static Paragraph Article(int number, string text) =>
        Para.Of(Layout.Body with { Before = 120 }, ($"Điều {number}. ", new TextStyle(14, Bold: true)), (text, TextStyle.Body));

    /// <summary>The last article (who enforces it: the Department's offices and <paramref name="enterpriseName"/>), the signature and the recipients.</summary>
    public static void Closing(WordFile file, int article, string enterpriseName, Signatory signatory, IReadOnlyList<string> recipients, int width)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Add(Article(article,
            $"Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các phòng chuyên môn thuộc Sở, {enterpriseName} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."));
        file.Add(OfficialLayout.Signature(signatory, recipients, width));
    }
}
