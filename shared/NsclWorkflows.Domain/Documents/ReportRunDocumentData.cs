using NsclWorkflows.Domain.Reports;

namespace NsclWorkflows.Domain.Documents;

/// <summary>
/// What a report run's Word report shows (Nghị định 30/2020 format): the run (title, addressee, period, the request it
/// answers), the officers' narrative sections, each lead unit's figures and narrative (or that it did not answer by
/// its deadline), and the figures of the period — budget by item and year and targets with their sources — as the
/// year-end report assembles them (<see cref="Figures"/>, whose appendix is printed as Phụ lục 1).
/// </summary>
public sealed record ReportRunDocumentData(
    DocumentHeader Header,
    Signatory Signatory,
    ReportRun Run,
    YearEndReportData Figures,
    IReadOnlyList<string> Recipients);
