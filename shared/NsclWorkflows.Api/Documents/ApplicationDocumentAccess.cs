using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Api.Documents;

/// <summary>
/// Who may see the application (<see cref="ApplicationAccess"/>: officers of its unit, the enterprise with its access
/// token) may read its documents: officers all of them, the enterprise those <see cref="EnterpriseDisclosure"/> names
/// (its signed approval decision and evaluation minutes, never the appraisal record nor the draft decision), the rule its
/// JSON view follows too.
/// </summary>
public sealed class ApplicationDocumentAccess(ApplicationAccess access) : IApplicationDocumentAccess
{
    public async Task<IReadOnlyList<string>?> ReadableKindsAsync(HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await access.ResolveAsync(request, applicationId, cancellationToken) is var (application, caller)
            ? caller.IsOfficer ? DocumentKinds.PerApplication : [.. DocumentKinds.PerApplication.Where(k => EnterpriseDisclosure.MayReadDocument(k, application.Lifecycle))]
            : null;
    }
}
