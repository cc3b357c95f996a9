using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Councils;

namespace NsclWorkflows.Functions.Http;

/// <summary>Councils onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class CouncilFunctions(CouncilsHandler councils)
{
    const AuthorizationLevel Anonymous = AuthorizationLevel.Anonymous;

    [Function(nameof(FoundCouncil))]
    public Task<IActionResult> FoundCouncil([HttpTrigger(Anonymous, "post", Route = ApiRoutes.Councils)] HttpRequest req,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(councils.FoundAsync(req, client, cancellationToken));

    [Function(nameof(ListCouncils))]
    public Task<IActionResult> ListCouncils([HttpTrigger(Anonymous, "get", Route = ApiRoutes.Councils)] HttpRequest req,
        CancellationToken cancellationToken) => Respond(councils.ListAsync(req, cancellationToken));

    [Function(nameof(GetCouncil))]
    public Task<IActionResult> GetCouncil([HttpTrigger(Anonymous, "get", Route = ApiRoutes.Council)] HttpRequest req, string id,
        CancellationToken cancellationToken) => Respond(councils.GetAsync(req, id, cancellationToken));

    [Function(nameof(GetCouncilMember))]
    public Task<IActionResult> GetCouncilMember([HttpTrigger(Anonymous, "get", Route = ApiRoutes.CouncilMember)] HttpRequest req, string id, string member,
        CancellationToken cancellationToken) => Respond(councils.GetMemberAsync(req, id, member, cancellationToken));

    [Function(nameof(DeclareCouncilConflict))]
    public Task<IActionResult> DeclareCouncilConflict([HttpTrigger(Anonymous, "post", Route = ApiRoutes.CouncilMemberDeclaration)] HttpRequest req, string id, string member,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(councils.DeclareAsync(req, id, member, client, cancellationToken));

    [Function(nameof(SubmitCouncilSheet))]
    public Task<IActionResult> SubmitCouncilSheet([HttpTrigger(Anonymous, "post", Route = ApiRoutes.CouncilMemberSheet)] HttpRequest req, string id, string member,
        string application, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        Respond(councils.ScoreAsync(req, id, member, application, client, cancellationToken));

    [Function(nameof(CloseCouncilSession))]
    public Task<IActionResult> CloseCouncilSession([HttpTrigger(Anonymous, "post", Route = ApiRoutes.CouncilMemberClose)] HttpRequest req, string id, string member,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => Respond(councils.CloseAsync(req, id, member, client, cancellationToken));

    [Function(nameof(ReissueCouncilMemberLink))]
    public Task<IActionResult> ReissueCouncilMemberLink([HttpTrigger(Anonymous, "post", Route = ApiRoutes.CouncilMemberLink)] HttpRequest req, string id, string member,
        CancellationToken cancellationToken) => Respond(councils.RelinkAsync(req, id, member, cancellationToken));

    [Function(nameof(DownloadCouncilMemberDocument))]
    public Task<IActionResult> DownloadCouncilMemberDocument([HttpTrigger(Anonymous, "get", Route = ApiRoutes.CouncilMemberDocument)] HttpRequest req,
        string id, string member, string application, string name, CancellationToken cancellationToken) =>
        Respond(councils.DownloadMemberDocumentAsync(req, id, member, application, name, cancellationToken));

    /// <summary>The shared body: the handler's result as the Functions host's action result.</summary>
    static async Task<IActionResult> Respond(Task<IResult> result) => new ResultActionResult(await result.ConfigureAwait(false));
}
