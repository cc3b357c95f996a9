using System.Globalization;
using System.Text;
using NsclWorkflows.Domain.Text;

namespace NsclWorkflows.Infrastructure.Exports;

/// <summary>
/// CSV for Excel users: UTF-8 with a byte order mark (so Excel reads Vietnamese letters), comma-separated, CRLF line
/// ends, RFC 4180 quoting (a field with a comma, quote or line break is quoted, its quotes doubled). Text that a
/// spreadsheet would take for a formula — beginning with = + - @, a tab or a carriage return — is prefixed with an
/// apostrophe (OWASP, CSV injection), so opening the file never runs it. Numbers are plain digits (invariant, "."
/// for decimals), dates dd/MM/yyyy, date and time dd/MM/yyyy HH:mm in Vietnam time. Characters XML and text cannot
/// hold (controls, lone surrogates, bidi overrides) are dropped as everywhere else (<see cref="TextSafety.Clean"/>).
/// </summary>
public sealed class CsvTableWriter : ITableExportWriter
{
    static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    readonly StreamWriter writer;
    readonly IReadOnlyList<ExportColumn> columns;
    bool completed;

    public CsvTableWriter(Stream destination, IReadOnlyList<ExportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(destination);
        this.columns = columns ?? throw new ArgumentNullException(nameof(columns));
        writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65_536, leaveOpen: true) { NewLine = "\r\n" };
        WriteLine(columns.Select(c => Field(c.Header)));
    }

    public int RowCount { get; private set; }

    public void WriteRow(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        WriteLine(columns.Select((c, i) => Format(c.Kind, i < values.Count ? values[i] : null)));
        RowCount++;
    }

    public void Complete()
    {
        if (!completed)
        {
            completed = true;
            writer.Flush();
        }
    }

    public void Dispose()
    {
        Complete();
        writer.Dispose();
    }

    /// <summary>A text cell as written: cleaned, neutralised if it would start a formula, quoted when it must be.</summary>
    public static string Field(string? text)
    {
        var clean = TextSafety.Clean(text, multiLine: true);
        if (clean.Length > 0 && clean[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            clean = "'" + clean;
        }

        return clean.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + clean.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : clean;
    }

    static string Format(ExportCellKind kind, object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset t => TableExportWriter.VietnamTime(t).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        long or int or decimal when kind != ExportCellKind.Text => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Field(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    void WriteLine(IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields));
        writer.Write("\r\n");
    }
}
