namespace NsclWorkflows.Infrastructure.Exports;

/// <summary>What a column holds: text, a whole number (đồng, counts), a decimal, a date, or a date and time (Vietnam time).</summary>
public enum ExportCellKind
{
    Text,
    WholeNumber,
    Fraction,
    Date,
    DateTime,
}

/// <summary>One column of an export: its Vietnamese header, what its cells hold, and its width in characters (xlsx).</summary>
public sealed record ExportColumn(string Header, ExportCellKind Kind, double Width = 16);

/// <summary>The formats an export is offered in.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// A table being written row by row to its destination (never held whole in memory). Values by column kind:
/// text <see cref="string"/> (null: empty), integer <see cref="long"/>/<see cref="int"/>, decimal <see cref="decimal"/>,
/// date <see cref="DateOnly"/>, date and time <see cref="DateTimeOffset"/> (shown in Vietnam time); null leaves the cell empty.
/// </summary>
public interface ITableExportWriter : IDisposable
{
    void WriteRow(IReadOnlyList<object?> values);

    /// <summary>Finishes the file (the xlsx directory, the last CSV line); the destination then holds it whole.</summary>
    void Complete();

    int RowCount { get; }
}

public static class TableExportWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static ITableExportWriter Create(ExportFormat format, Stream destination, string sheetName, IReadOnlyList<ExportColumn> columns) => format switch
    {
        ExportFormat.Xlsx => new XlsxTableWriter(destination, sheetName, columns),
        _ => new CsvTableWriter(destination, columns),
    };

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx ? XlsxContentType : CsvContentType;

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";

    /// <summary>Vietnam time (UTC+7, no daylight saving) of an instant, for date-and-time cells.</summary>
    public static DateTime VietnamTime(DateTimeOffset value) => value.ToOffset(TimeSpan.FromHours(7)).DateTime;
}
