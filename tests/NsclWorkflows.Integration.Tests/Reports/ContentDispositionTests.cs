using NsclWorkflows.Api.Documents;

namespace NsclWorkflows.Integration.Tests.Reports;

public sealed class ContentDispositionTests
{
    [Fact]
    public void Attachment_VietnameseFileName_HasRfc5987NameAndAsciiFallback()
    {
        var header = ContentDisposition.Attachment("Báo cáo kết quả thực hiện Kế hoạch năm 2025.docx");

        Assert.Equal(
            "attachment; filename=\"Bao cao ket qua thuc hien Ke hoach nam 2025.docx\"; " +
            "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20k%E1%BA%BFt%20qu%E1%BA%A3%20th%E1%BB%B1c%20hi%E1%BB%87n%20K%E1%BA%BF%20ho%E1%BA%A1ch%20n%C4%83m%202025.docx",
            header);
    }

    [Fact]
    public void Attachment_QuotesPercentAndDd_AreSafeInBothForms()
    {
        var header = ContentDisposition.Attachment("Quyết định \"Đặc biệt\" 100%; Đà Nẵng.docx");

        Assert.StartsWith("attachment; filename=\"Quyet dinh _Dac biet_ 100__ Da Nang.docx\"; filename*=UTF-8''", header, StringComparison.Ordinal);
        Assert.Contains("%22%C4%90%E1%BA%B7c%20bi%E1%BB%87t%22%20100%25%3B%20%C4%90%C3%A0%20N%E1%BA%B5ng.docx", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachment_StoredNameWithHostileCharacters_IsAsciiAndDoesNotThrow()
    {
        var header = ContentDisposition.Attachment("Quyết định - Công ty \uD800\uFFFF\u202E\u0000A.docx");

        Assert.True(header.All(c => c is >= ' ' and <= '~'), header);
        Assert.EndsWith("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20-%20C%C3%B4ng%20ty%20A.docx", header, StringComparison.Ordinal);
    }
}
