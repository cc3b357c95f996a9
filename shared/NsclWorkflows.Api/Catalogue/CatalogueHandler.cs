using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public ApiOk<CatalogueView> Get() => ApiResults.Ok(view);

    public Results<ApiOk<CatalogueValidationView>, ProblemHttpResult> GetValidation(HttpRequest request)
    {
        if (officers.Authenticate(request) is null)
        {
            return ApiProblem.UnauthorizedProblem();
        }

        var report = catalogue.Report;
        return ApiResults.Ok(new CatalogueValidationView(report.CatalogueVersion, report.IsLoadable, report.Findings, report.ToText()));
    }
}

/// <summary>The catalogue's validation report: its findings, and the same as text.</summary>
public sealed record CatalogueValidationView(string CatalogueVersion, bool Loadable, IReadOnlyList<CatalogueFinding> Findings, string Text);
