using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Attachments;
using NsclWorkflows.Domain.Text;
using NsclWorkflows.Domain.Validation;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// <c>/api/applications/{id}/attachments</c>: the enterprise (access link) or an officer of the unit uploads a file as
/// the raw request body, its name in the <c>X-File-Name</c> header (percent-encoded UTF-8); lists and downloads them
/// under the same access rules. The type is decided by the content (<see cref="AttachmentRules"/>), never by the name.
/// </summary>
public sealed class AttachmentsHandler(ApplicationAccess access, IAttachmentStore store)
{
    public const string FileNameHeader = "X-File-Name";

    /// <summary>Optional: which of the kind's required documents the file is (an id of <see cref="ApplicationForm.RequiredDocumentsFor"/>).</summary>
    public const string DocumentKindHeader = "X-Document-Kind";
    public const string FileField = "file";

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static readonly ApplicationStatus[] Closed =
        [ApplicationStatus.Completed, ApplicationStatus.Failed, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled, ApplicationStatus.Expired];

    public async Task<Results<ApiCreated<AttachmentAdded>, ProblemHttpResult>> UploadAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        if (Closed.Contains(application.Status))
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, "application_closed", "Hồ sơ đã kết thúc",
                "Hồ sơ đã kết thúc; không thể đính kèm thêm tài liệu.");
        }

        var documentKind = request.Headers[DocumentKindHeader].ToString();
        if (documentKind.Length > 0 && !ApplicationForm.Shipped.RequiredDocumentsFor(application.Submission.SupportKindId).Any(d => d.Id == documentKind))
        {
            var message = $"Loại tài liệu “{(documentKind.All(c => c is >= ' ' and <= '~') && documentKind.Length <= 60 ? documentKind : "?")}” không thuộc danh mục tài liệu của nội dung hỗ trợ này.";
            return ApiProblem.Problem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.NotInList, "Tệp đính kèm không hợp lệ", message,
                [new FieldError(DocumentKindHeader, ErrorCodes.NotInList, message)]);
        }

        if (request.ContentLength > AttachmentRules.MaxBytes)
        {
            return TooLarge();
        }

        var content = await ReadLimitedAsync(request.Body, cancellationToken);
        if (content is null)
        {
            return TooLarge();
        }

        if (content.Length == 0)
        {
            return FileError(StatusCodes.Status422UnprocessableEntity, "attachment_empty", "Tệp trống; vui lòng chọn lại tệp.");
        }

        if (AttachmentRules.Detect(content) is not { } type)
        {
            return FileError(StatusCodes.Status415UnsupportedMediaType, "attachment_type_not_allowed",
                "Chỉ nhận tệp PDF, DOCX, JPG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên tệp).");
        }

        if (!TryDecodeName(request.Headers[FileNameHeader].ToString(), out var original))
        {
            return NameError(ErrorCodes.InvalidFormat,
                $"Header {FileNameHeader} phải là tên tệp mã hóa phần trăm (percent-encoding) từ UTF-8, chỉ gồm ký tự ASCII, ví dụ T%E1%BB%9D%20tr%C3%ACnh.pdf.");
        }

        if (TextSafety.Find(original) is { IsHazard: true } finding)
        {
            var error = TextSafety.Error(FileNameHeader, "Tên tệp", finding);
            return ApiProblem.Problem(StatusCodes.Status422UnprocessableEntity, error.Code, "Tệp đính kèm không hợp lệ", error.Message, [error]);
        }

        var name = AttachmentRules.SafeName(original, type)!;
        var uploadedBy = caller.Officer?.Name ?? "enterprise";
        for (var n = 2; ; n++)
        {
            var outcome = documentKind.Length > 0
                ? await store.AddRequiredDocumentAsync(application.Id, documentKind, name, type.ContentType, content, uploadedBy, AttachmentRules.MaxPerApplication, cancellationToken)
                : await store.AddAsync(application.Id, name, type.ContentType, content, uploadedBy, AttachmentRules.MaxPerApplication, cancellationToken);
            if (outcome == AttachmentAddOutcome.Added)
            {
                break;
            }

            if (outcome == AttachmentAddOutcome.LimitReached)
            {
                return FileError(StatusCodes.Status409Conflict, "attachment_limit_reached",
                    $"Mỗi hồ sơ được đính kèm tối đa {AttachmentRules.MaxPerApplication} tệp.");
            }

            var dot = name.LastIndexOf('.');
            name = AttachmentRules.SafeName($"{name[..dot].Split(" (")[0]} ({n}).{type.Extension}", type)!;
            if (n > AttachmentRules.MaxPerApplication + 1)
            {
                return FileError(StatusCodes.Status409Conflict, "attachment_name_taken", "Tên tệp đã có; vui lòng đổi tên tệp.");
            }
        }

        return ApiResults.Created(new AttachmentAdded(application.Id, name, type.ContentType, content.Length) { DocumentKind = documentKind.Length > 0 ? documentKind : null });
    }

    public async Task<Results<ApiOk<AttachmentsView>, ProblemHttpResult>> ListAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller))
        {
            return ApiProblem.NotFoundProblem("hồ sơ");
        }

        var stored = await store.ListAsync(application.Id, cancellationToken);
        var items = caller.IsOfficer ? stored : [.. stored.Where(a => Domain.Lifecycle.EnterpriseDisclosure.ShowsAttachment(a, application.Status))
            .Select(Domain.Lifecycle.EnterpriseDisclosure.Attachment)];
        return ApiResults.Ok(new AttachmentsView(application.Id, items) { RequiredDocuments = RequiredDocumentView.Of(application, items) });
    }

    public async Task<IResult> DownloadAsync(HttpRequest request, string id, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await access.ResolveAsync(request, id, cancellationToken) is not var (application, caller)
            || !AttachmentRules.IsSafeName(name)
            || (!caller.IsOfficer && !await EnterpriseSeesAsync(application, name, cancellationToken))
            || await store.OpenAsync(application.Id, name, cancellationToken) is not var (stream, contentType))
        {
            return ApiProblem.NotFound("tài liệu");
        }

        // Served as a download, never rendered in the API's origin.
        request.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, contentType, fileDownloadName: name);
    }

    /// <summary>Whether the enterprise may download this file now (<see cref="Domain.Lifecycle.EnterpriseDisclosure.ShowsAttachment"/>).</summary>
    async Task<bool> EnterpriseSeesAsync(Application application, string name, CancellationToken cancellationToken) =>
        application.Status is not (ApplicationStatus.AwaitingDecisionSigning or ApplicationStatus.AwaitingRecognitionSigning)
        || (await store.ListAsync(application.Id, cancellationToken)).Any(a => a.Name == name && Domain.Lifecycle.EnterpriseDisclosure.ShowsAttachment(a, application.Status));

    static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > AttachmentRules.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Strict percent-decoding of the header: printable ASCII only (a raw non-ASCII header value is refused by the
    /// Functions host's proxy anyway), every % followed by two hex digits, the bytes well-formed UTF-8.
    /// </summary>
    static bool TryDecodeName(string header, out string name)
    {
        name = string.Empty;
        var bytes = new List<byte>(header.Length);
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (c is < ' ' or > '~')
            {
                return false;
            }

            if (c != '%')
            {
                bytes.Add((byte)c);
                continue;
            }

            if (i + 2 >= header.Length || !byte.TryParse(header.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
            {
                return false;
            }

            bytes.Add(b);
            i += 2;
        }

        try
        {
            name = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    static ProblemHttpResult NameError(string code, string message) =>
        ApiProblem.Problem(StatusCodes.Status400BadRequest, code, "Tên tệp không hợp lệ", message, [new FieldError(FileNameHeader, code, message)]);

    static ProblemHttpResult TooLarge() => FileError(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
        $"Tệp không được vượt quá {AttachmentRules.MaxBytes / (1024 * 1024)} MB.");

    static ProblemHttpResult FileError(int status, string code, string message) =>
        ApiProblem.Problem(status, code, "Tệp đính kèm không hợp lệ", message, [new FieldError(FileField, code, message)]);
}

/// <summary>The answer of an upload (201): the name the file was stored under (made unique), its type by content, its size.</summary>
public sealed record AttachmentAdded(string ApplicationId, string Name, string ContentType, long SizeBytes)
{
    /// <summary>The required document the file was uploaded as; null for another file.</summary>
    public string? DocumentKind { get; init; }
}

/// <summary>An application's attachments as the caller may see them.</summary>
public sealed record AttachmentsView(string ApplicationId, IReadOnlyList<Domain.Attachments.StoredAttachment> Items)
{
    /// <summary>
    /// The documents the application's kind requires, each with whether a file was uploaded as it: what the officer's
    /// completeness check shows and what the enterprise still has to upload. Empty for files submitted before the form
    /// asked for them (their files carry no document kind).
    /// </summary>
    public IReadOnlyList<RequiredDocumentView> RequiredDocuments { get; init; } = [];
}

/// <summary>One required document of the kind (<see cref="ApplicationForm.RequiredDocumentsFor"/>): its id, name, and the files uploaded as it.</summary>
public sealed record RequiredDocumentView(string Id, string Name, bool Attached, IReadOnlyList<string> Files)
{
    /// <summary>
    /// The kind's required documents against the files the caller sees (whoever uploaded them: an officer may file one
    /// the enterprise sent on paper). None for a file submitted before the form collected them.
    /// </summary>
    public static IReadOnlyList<RequiredDocumentView> Of(Application application, IReadOnlyList<Domain.Attachments.StoredAttachment> stored)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(stored);
        if (application.Submission.DurationMonths is null)
        {
            return [];
        }

        return [.. ApplicationForm.Shipped.RequiredDocumentsFor(application.Submission.SupportKindId).Select(d =>
        {
            var files = stored.Where(a => a.DocumentKind == d.Id).Select(a => a.Name).ToArray();
            return new RequiredDocumentView(d.Id, d.Name, files.Length > 0, files);
        })];
    }
}
