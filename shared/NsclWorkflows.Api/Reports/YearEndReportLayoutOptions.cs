using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Api.Reports;

/// <summary>
/// Settings section <c>Nscl:Reports:Layout</c>: who signs the year-end report, to whom it is addressed and who receives
/// it ("Nơi nhận"). Unset values keep the Department's usual ones (<see cref="YearEndReportLayout.Default"/>).
/// </summary>
public sealed class YearEndReportLayoutOptions
{
    public const string Section = "Nscl:Reports:Layout";

    /// <summary>The signer's full name under the signature, e.g. "Nguyễn Văn A"; empty leaves the line for the handwritten name.</summary>
    public string SignerName { get; set; } = string.Empty;

    /// <summary>The signer's title, e.g. "GIÁM ĐỐC" or "PHÓ GIÁM ĐỐC".</summary>
    public string SignerTitle { get; set; } = string.Empty;

    /// <summary>Signing on behalf of the director, e.g. "KT. GIÁM ĐỐC"; empty when the director signs.</summary>
    public string SignerCapacity { get; set; } = string.Empty;

    /// <summary>"Kính gửi": the report's addressee.</summary>
    public string Addressee { get; set; } = string.Empty;

    /// <summary>"Nơi nhận", one line each (e.g. "Sở Tài chính;"); empty keeps the usual list.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The layout these settings describe, the defaults filling what is unset.</summary>
    public YearEndReportLayout ToLayout()
    {
        var usual = YearEndReportLayout.Default;
        var title = Text(SignerTitle) ?? usual.Signatory.Title;
        var capacity = Text(SignerTitle) is null && Text(SignerCapacity) is null ? usual.Signatory.Capacity : SignerCapacity.Trim();
        var recipients = Recipients.Select(Text).OfType<string>().ToList();
        return new YearEndReportLayout(
            new Signatory(capacity, title, Text(SignerName) ?? usual.Signatory.Name),
            Text(Addressee) ?? usual.Addressee,
            recipients.Count > 0 ? recipients : usual.Recipients);

        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
