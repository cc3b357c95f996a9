using System.Text.Json;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>Maps an application to its table row and back. Column names are stored data: only add.</summary>
static class ApplicationEntityMapper
{
    public const string ApplicationRowKey = "application";
    public const string AuditRowPrefix = "audit-";

    public static TableEntity ToEntity(Application a) => new(a.Id, ApplicationRowKey)
    {
        ["TrackingCode"] = a.TrackingCode,
        ["EnterpriseCode"] = a.Submission.EnterpriseCode,
        ["EnterpriseName"] = a.Submission.EnterpriseName,
        ["ContactName"] = a.Submission.ContactName,
        ["ContactEmail"] = a.Submission.ContactEmail,
        ["Phone"] = a.Submission.Phone,
        ["SupportKindId"] = a.Submission.SupportKindId,
        ["Title"] = a.Submission.Title,
        ["Summary"] = a.Submission.Summary,
        ["RequestedAmountVnd"] = a.Submission.RequestedAmountVnd,
        ["OrganisationType"] = a.Submission.OrganisationType,
        ["Nominees"] = a.Submission.Nominees is { } nominees ? JsonSerializer.Serialize(nominees, LifecycleJson) : null,
        ["LegalRepresentativeName"] = a.Submission.LegalRepresentativeName,
        ["LegalRepresentativePosition"] = a.Submission.LegalRepresentativePosition,
        ["Address"] = a.Submission.Address,
        ["DistrictId"] = a.Submission.DistrictId,
        ["SectorCode"] = a.Submission.SectorCode,
        ["Employees"] = a.Submission.Employees,
        ["RevenueBandId"] = a.Submission.RevenueBandId,
        ["OwnContributionVnd"] = a.Submission.OwnContributionVnd,
        ["DurationMonths"] = a.Submission.DurationMonths,
        ["CallId"] = a.Submission.CallId,
        ["Selection"] = a.Submission.Selection,
        ["CoFunding"] = a.Submission.CoFunding is { } coFunding ? JsonSerializer.Serialize(coFunding, LifecycleJson) : null,
        ["CatalogueVersion"] = a.CatalogueVersion,
        ["SubmittedAtUtc"] = a.SubmittedAtUtc,
        ["CompletenessDeadlineUtc"] = a.CompletenessDeadlineUtc,
        ["Status"] = a.Status.ToString(),
        ["ReceivedAtUtc"] = a.ReceivedAtUtc,
        ["DecidedAtUtc"] = a.DecidedAtUtc,
        ["DecidedBy"] = a.DecidedBy,
        ["DecisionNote"] = a.DecisionNote,
        ["UpdatedAtUtc"] = a.UpdatedAtUtc,
        ["Lifecycle"] = JsonSerializer.Serialize(a.Lifecycle, LifecycleJson),
        ["LastSequence"] = a.LastSequence,
    };

    static readonly JsonSerializerOptions LifecycleJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static Application FromEntity(TableEntity e)
    {
        var submission = new ApplicationSubmission(
            e.GetString("EnterpriseCode"), e.GetString("EnterpriseName"), e.GetString("ContactName"), e.GetString("ContactEmail"),
            e.GetString("Phone"), e.GetString("SupportKindId"), e.GetString("Title"), e.GetString("Summary"),
            e.GetInt64("RequestedAmountVnd") ?? 0)
        {
            OrganisationType = e.GetString("OrganisationType"),
            Nominees = e.GetString("Nominees") is { Length: > 0 } nominees ? JsonSerializer.Deserialize<List<Nominee>>(nominees, LifecycleJson) : null,
            // Rows written before the form asked for these have no such columns: null.
            LegalRepresentativeName = e.GetString("LegalRepresentativeName"),
            LegalRepresentativePosition = e.GetString("LegalRepresentativePosition"),
            Address = e.GetString("Address"),
            DistrictId = e.GetString("DistrictId"),
            SectorCode = e.GetString("SectorCode"),
            Employees = e.GetInt32("Employees"),
            RevenueBandId = e.GetString("RevenueBandId"),
            OwnContributionVnd = e.GetInt64("OwnContributionVnd"),
            DurationMonths = e.GetInt32("DurationMonths"),
            CallId = e.GetString("CallId"),
            Selection = e.GetString("Selection"),
            CoFunding = e.GetString("CoFunding") is { Length: > 0 } coFunding ? JsonSerializer.Deserialize<List<CoFundingSource>>(coFunding, LifecycleJson) : null,
        };
        var created = new Application(
            e.PartitionKey, e.GetString("TrackingCode"), submission, e.GetString("CatalogueVersion"),
            e.GetDateTimeOffset("SubmittedAtUtc") ?? default, e.GetDateTimeOffset("CompletenessDeadlineUtc") ?? default);
        var restored = Application.Restore(
            created,
            Enum.Parse<ApplicationStatus>(e.GetString("Status")),
            e.GetDateTimeOffset("ReceivedAtUtc"),
            e.GetDateTimeOffset("DecidedAtUtc"),
            e.GetString("DecidedBy"),
            e.GetString("DecisionNote"),
            e.GetDateTimeOffset("UpdatedAtUtc") ?? default);
        var lifecycle = e.GetString("Lifecycle") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<LifecycleState>(json, LifecycleJson) ?? new LifecycleState()
            : new LifecycleState();
        return Application.RestoreLifecycle(restored, lifecycle, e.GetInt32("LastSequence") ?? 0);
    }

    public static TableEntity ToEntity(AuditEntry entry, string uniqueSuffix) =>
        new(entry.ApplicationId, $"{AuditRowPrefix}{entry.AtUtc.UtcTicks:D19}-{uniqueSuffix}")
        {
            ["AtUtc"] = entry.AtUtc,
            ["Kind"] = entry.Kind,
            ["Actor"] = entry.Actor,
            ["Detail"] = entry.Detail,
            ["Role"] = entry.Role,
            ["FromStatus"] = entry.FromStatus,
            ["ToStatus"] = entry.ToStatus,
        };

    public static AuditEntry AuditFromEntity(TableEntity e) =>
        new(e.PartitionKey, e.GetDateTimeOffset("AtUtc") ?? default, e.GetString("Kind"), e.GetString("Actor"), e.GetString("Detail"))
        {
            Role = e.GetString("Role"),
            FromStatus = e.GetString("FromStatus"),
            ToStatus = e.GetString("ToStatus"),
        };
}
