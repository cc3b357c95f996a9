using Microsoft.Extensions.Configuration;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Api.Catalogue;

/// <summary>
/// Which catalogue is in force: the file named by <c>Nscl:Catalogue:Path</c> (an amended catalogue, no code change),
/// otherwise the one shipped inside the Domain assembly. Either way it is validated as it loads.
/// </summary>
public static class CatalogueSource
{
    public const string PathSetting = "Nscl:Catalogue:Path";

    public static ProgrammeCatalogue Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[PathSetting] is { Length: > 0 } path ? CatalogueLoader.LoadFile(path) : EmbeddedCatalogue.Load();
    }
}
