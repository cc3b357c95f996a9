using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Api.Catalogue;

/// <summary>
/// <c>GET /api/catalogue</c> (public) and <c>GET /api/catalogue/validation</c> (officers): the catalogue in force and
/// the report its validation produced at start-up.
/// </summary>
public sealed class CatalogueHandler(ProgrammeCatalogue catalogue, OfficerAuthenticator officers)
{
    readonly CatalogueView view = CatalogueView.From(catalogue);

    public IResult Get() => Results.Json(view, ApiJson.Options);

    public IResult GetValidation(HttpRequest request)
    {
        if (officers.Authenticate(request) is null)
        {
            return ApiProblem.Unauthorized();
        }

        var report = catalogue.Report;
        return Results.Json(
            new
            {
                catalogueVersion = report.CatalogueVersion,
                loadable = report.IsLoadable,
                findings = report.Findings,
                text = report.ToText(),
            },
            ApiJson.Options);
    }
}
