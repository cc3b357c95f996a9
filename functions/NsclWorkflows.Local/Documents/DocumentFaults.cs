using System.Xml;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NsclWorkflows.Domain.Documents;

namespace NsclWorkflows.Local.Documents;

/// <summary>
/// Development only: <c>Nscl:Faults:DocumentKinds</c> (comma-separated document kinds, e.g. <c>appraisal-record</c>)
/// makes building those documents throw, as OpenXml does on a character XML cannot hold, so the way a failed document
/// is recorded, flagged and retried can be seen and tested against the real host. Not registered outside Development.
/// </summary>
public static class DocumentFaults
{
    public const string Setting = "Nscl:Faults:DocumentKinds";

    public static IServiceCollection AddDocumentFaults(this IServiceCollection services, IConfiguration configuration)
    {
        var kinds = (configuration[Setting] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        if (kinds.Count == 0)
        {
            return services;
        }

        var real = services.LastOrDefault(d => d.ServiceType == typeof(IOfficialDocumentBuilder))
            ?? throw new InvalidOperationException("Register the document builder before its faults.");
        services.Replace(ServiceDescriptor.Singleton<IOfficialDocumentBuilder>(sp =>
            new FaultyDocumentBuilder((IOfficialDocumentBuilder)(real.ImplementationInstance
                ?? real.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)), kinds)));
        return services;
    }

    sealed class FaultyDocumentBuilder(IOfficialDocumentBuilder inner, IReadOnlySet<string> failing) : IOfficialDocumentBuilder
    {
        public byte[] BuildAppraisalRecord(AppraisalRecordData data) => Check(DocumentKinds.AppraisalRecord, () => inner.BuildAppraisalRecord(data));

        public byte[] BuildApprovalDecision(ApprovalDecisionData data) => Check(DocumentKinds.ApprovalDecision, () => inner.BuildApprovalDecision(data));

        public byte[] BuildEvaluationMinutes(EvaluationMinutesData data) => Check(DocumentKinds.EvaluationMinutes, () => inner.BuildEvaluationMinutes(data));

        public byte[] BuildYearEndReport(YearEndReportData data) => Check(DocumentKinds.YearEndReport, () => inner.BuildYearEndReport(data));

        public byte[] BuildRecognitionDecision(RecognitionDecisionData data) => Check(DocumentKinds.RecognitionDecision, () => inner.BuildRecognitionDecision(data));

        byte[] Check(string kind, Func<byte[]> build) => failing.Contains(kind)
            ? throw new XmlException($"Planned fault ({Setting}): hexadecimal value 0xFFFF, is an invalid character.")
            : build();
    }
}
