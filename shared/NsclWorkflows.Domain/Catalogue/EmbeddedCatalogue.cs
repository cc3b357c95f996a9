using System.Text.Json;
using System.Text.Json.Serialization;

namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// The catalogue shipped with the code (Catalogue/catalogue.json, embedded). Support kinds inherit the default
/// policy and override single fields.
/// </summary>
public sealed class EmbeddedCatalogue : ISupportKindCatalogue
{
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    readonly Dictionary<string, SupportKind> kindsById;

    EmbeddedCatalogue(string version, IReadOnlyList<SupportKind> kinds)
    {
        Version = version;
        Kinds = kinds;
        kindsById = kinds.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    public string Version { get; }

    public IReadOnlyList<SupportKind> Kinds { get; }

    public SupportKind? FindKind(string id) => kindsById.GetValueOrDefault(id);

    public static EmbeddedCatalogue Load()
    {
        using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream("NsclWorkflows.Domain.Catalogue.catalogue.json")
            ?? throw new InvalidOperationException("The embedded catalogue is missing from the Domain assembly.");
        return Parse(stream);
    }

    public static EmbeddedCatalogue Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonOptions)
            ?? throw new InvalidOperationException("The catalogue file is empty.");
        var defaults = file.DefaultPolicy ?? throw new InvalidOperationException("The catalogue has no defaultPolicy.");
        var kinds = (file.SupportKinds ?? []).Select(k => new SupportKind(
            k.Id, k.Name, k.Description, k.BudgetLineId, k.MaxAmountVnd, Merge(defaults, k.Policy))).ToList();
        return new EmbeddedCatalogue(file.Version, kinds);
    }

    static WorkflowPolicy Merge(PolicyFile d, PolicyFile? o) => new(
        o?.CompletenessReviewWorkingDays ?? d.CompletenessReviewWorkingDays ?? 5,
        o?.SupplementationWorkingDays ?? d.SupplementationWorkingDays ?? 10,
        o?.AppraisalWorkingDays ?? d.AppraisalWorkingDays ?? 15,
        o?.ApprovalWorkingDays ?? d.ApprovalWorkingDays ?? 10,
        o?.CheckInCount ?? d.CheckInCount ?? 2,
        o?.CheckInIntervalMonths ?? d.CheckInIntervalMonths ?? 3,
        o?.ReminderOffsetDays ?? d.ReminderOffsetDays ?? [-5, -1, 0, 3],
        o?.EscalationDelayWorkingDays ?? d.EscalationDelayWorkingDays ?? 5,
        o?.FinalEvaluationWorkingDays ?? d.FinalEvaluationWorkingDays ?? 20);

    sealed record CatalogueFile(string Version, PolicyFile? DefaultPolicy, List<KindFile>? SupportKinds);

    sealed record KindFile(string Id, string Name, string Description, string BudgetLineId, long? MaxAmountVnd, PolicyFile? Policy);

    sealed record PolicyFile(
        int? CompletenessReviewWorkingDays,
        int? SupplementationWorkingDays,
        int? AppraisalWorkingDays,
        int? ApprovalWorkingDays,
        int? CheckInCount,
        int? CheckInIntervalMonths,
        int[]? ReminderOffsetDays,
        int? EscalationDelayWorkingDays,
        int? FinalEvaluationWorkingDays);
}
