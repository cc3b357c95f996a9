using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Applications;

namespace NsclWorkflows.Functions.Http;

/// <summary>An application's attachments onto the shared handler. Function names equal <see cref="ApiEndpoint.Name"/>.</summary>
public sealed class AttachmentFunctions(AttachmentsHandler attachments)
{
    [Function(nameof(UploadAttachment))]
    public async Task<IActionResult> UploadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ApplicationAttachments)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await attachments.UploadAsync(req, id, cancellationToken));

    [Function(nameof(ListAttachments))]
    public async Task<IActionResult> ListAttachments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ApplicationAttachments)] HttpRequest req,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await attachments.ListAsync(req, id, cancellationToken));

    [Function(nameof(DownloadAttachment))]
    public async Task<IActionResult> DownloadAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ApplicationAttachment)] HttpRequest req,
        string id,
        string name,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await attachments.DownloadAsync(req, id, name, cancellationToken));
}
