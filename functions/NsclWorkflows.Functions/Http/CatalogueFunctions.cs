using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Catalogue;

namespace NsclWorkflows.Functions.Http;

/// <summary>The catalogue endpoints onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class CatalogueFunctions(CatalogueHandler catalogue)
{
    [Function(nameof(GetCatalogue))]
    public IActionResult GetCatalogue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Catalogue)] HttpRequest req) =>
        new ResultActionResult(catalogue.Get());

    [Function(nameof(GetCatalogueValidation))]
    public IActionResult GetCatalogueValidation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CatalogueValidation)] HttpRequest req) =>
        new ResultActionResult(catalogue.GetValidation(req));
}
