using NsclWorkflows.Api.Catalogue;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Local.Commands;

/// <summary>
/// <c>dotnet run --project functions/NsclWorkflows.Local -- catalogue validate [path]</c>: prints the catalogue's
/// validation report; exit code 0 when it loads, 1 when a mismatch is not acknowledged or the file is malformed.
/// </summary>
public static class CatalogueCommand
{
    public static bool Matches(string[] args) => args is ["catalogue", "validate", ..];

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            var catalogue = args.Length > 2 ? CatalogueLoader.LoadFile(args[2]) : EmbeddedCatalogue.Load();
            output.WriteLine(catalogue.Report.ToText());
            return 0;
        }
        catch (CatalogueValidationException ex)
        {
            output.WriteLine(ex.Report.ToText());
            return 1;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"Không đọc được danh mục: {ex.Message}");
            return 1;
        }
    }
}
