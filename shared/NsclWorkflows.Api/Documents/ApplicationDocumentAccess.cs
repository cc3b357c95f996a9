using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// Who may see the application (<see cref="ApplicationAccess"/>: officers of its unit, the enterprise with its access
/// token) may read its documents; the enterprise only its approval decision and evaluation minutes, never the
/// appraisal record (the appraisers' scores and comments are internal).
/// </summary>
public sealed class ApplicationDocumentAccess(ApplicationAccess access) : IApplicationDocumentAccess
{
    static readonly string[] EnterpriseKinds = [DocumentKinds.ApprovalDecision, DocumentKinds.EvaluationMinutes];

    public async Task<IReadOnlyList<string>?> ReadableKindsAsync(HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await access.ResolveAsync(request, applicationId, cancellationToken) is var (_, caller)
            ? caller.IsOfficer ? DocumentKinds.PerApplication : EnterpriseKinds
            : null;
    }
}
