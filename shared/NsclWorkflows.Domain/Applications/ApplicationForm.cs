using System.Text.Json;

namespace NsclWorkflows.Domain.Applications;

/// <summary>An entry of a closed list the form offers (district, revenue band, required document): a stable id and its Vietnamese name.</summary>
public sealed record FormChoice(string Id, string Name);

/// <summary>A VSIC 2018 level-2 division: two digits and the Vietnamese name.</summary>
public sealed record SectorChoice(string Code, string Name);

/// <summary>Bounds of a task's duration in months (inclusive).</summary>
public sealed record MonthRange(int Min, int Max);

/// <summary>
/// The closed lists and per-kind rules of the application form (Applications/application-form.json, embedded; data, not
/// code): districts of Da Nang, VSIC 2018 level-2 sectors, annual revenue bands (Nghị định 80/2021/NĐ-CP), the
/// documents each support kind requires and the duration a kind allows. The API offers it to the page
/// (<c>GET /api/catalogue</c>, <c>applicationForm</c>) and <see cref="SubmissionValidator"/> checks against it, so
/// what the page offers and what the API accepts are one list.
/// </summary>
public sealed class ApplicationForm
{
    const string ResourceName = "NsclWorkflows.Domain.Applications.application-form.json";

    static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    static readonly Lazy<ApplicationForm> ShippedForm = new(() =>
    {
        using var stream = typeof(ApplicationForm).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Thiếu tệp danh mục mẫu hồ sơ nhúng sẵn (application-form.json) trong thư viện Domain.");
        return Load(stream);
    });

    /// <summary>The form's lists as shipped.</summary>
    public static ApplicationForm Shipped => ShippedForm.Value;

    public required string Version { get; init; }

    public required IReadOnlyList<FormChoice> Districts { get; init; }

    /// <summary>Why the districts are what they are (the 2025 merger).</summary>
    public required string DistrictsNote { get; init; }

    public required IReadOnlyList<SectorChoice> Sectors { get; init; }

    public required IReadOnlyList<FormChoice> RevenueBands { get; init; }

    /// <summary>The source of the revenue bands.</summary>
    public required string RevenueBandsNote { get; init; }

    /// <summary>The duration any kind allows unless it sets its own.</summary>
    public required MonthRange DefaultDuration { get; init; }

    /// <summary>
    /// The city's other programmes (and national ones) a task may be co-funded from (lồng ghép), and
    /// <see cref="CoFundingRules.Other"/> ("Khác", with the source's name); empty in a file without the list.
    /// </summary>
    public IReadOnlyList<FormChoice> CoFundingSources { get; init; } = [];

    /// <summary>Why the co-funding list is what it is.</summary>
    public string CoFundingSourcesNote { get; init; } = string.Empty;

    /// <summary>Per support kind: the documents it requires and its duration bounds.</summary>
    public required IReadOnlyDictionary<string, KindForm> Kinds { get; init; }

    public FormChoice? FindDistrict(string id) => Districts.FirstOrDefault(d => d.Id == id);

    public SectorChoice? FindSector(string code) => Sectors.FirstOrDefault(s => s.Code == code);

    public FormChoice? FindRevenueBand(string id) => RevenueBands.FirstOrDefault(b => b.Id == id);

    public FormChoice? FindCoFundingSource(string id) => CoFundingSources.FirstOrDefault(c => c.Id == id);

    /// <summary>The duration a kind allows (its own bounds, else the default).</summary>
    public MonthRange DurationFor(string kindId) => Kinds.TryGetValue(kindId, out var kind) && kind.DurationMonths is { } own ? own : DefaultDuration;

    /// <summary>The documents a kind requires (none when the list names no such kind).</summary>
    public IReadOnlyList<FormChoice> RequiredDocumentsFor(string kindId) => Kinds.TryGetValue(kindId, out var kind) ? kind.RequiredDocuments : [];

    /// <summary>Reads and checks a form list file: ids unique, every list non-empty, bounds ordered.</summary>
    public static ApplicationForm Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<FileDto>(json, ReadOptions)
            ?? throw new InvalidDataException("application-form.json is empty.");
        var districts = Items(file.Districts?.Items, "districts").Select(d => new FormChoice(Required(d.Id, "districts"), Required(d.Name, "districts"))).ToArray();
        var sectors = Items(file.Sectors?.Items, "sectors").Select(s => new SectorChoice(Required(s.Code, "sectors"), Required(s.Name, "sectors"))).ToArray();
        if (sectors.Any(s => s.Code.Length != 2 || !s.Code.All(char.IsAsciiDigit)))
        {
            throw new InvalidDataException("application-form.json: every sector code is two digits (VSIC level 2).");
        }

        var bands = Items(file.RevenueBands?.Items, "revenueBands").Select(b => new FormChoice(Required(b.Id, "revenueBands"), Required(b.Name, "revenueBands"))).ToArray();
        var kinds = (file.SupportKinds ?? []).ToDictionary(k => k.Key, k => new KindForm(
            [.. Items(k.Value.RequiredDocuments, $"supportKinds.{k.Key}.requiredDocuments").Select(d => new FormChoice(Required(d.Id, k.Key), Required(d.Name, k.Key)))],
            k.Value.DurationMonths is { } range ? Range(range, k.Key) : null), StringComparer.Ordinal);
        Unique(districts.Select(d => d.Id), "districts");
        Unique(sectors.Select(s => s.Code), "sectors");
        Unique(bands.Select(b => b.Id), "revenueBands");
        var coFunding = (file.CoFundingSources?.Items ?? []).Select(c => new FormChoice(Required(c.Id, "coFundingSources"), Required(c.Name, "coFundingSources"))).ToArray();
        Unique(coFunding.Select(c => c.Id), "coFundingSources");
        if (coFunding.Length > 0 && !coFunding.Any(c => c.Id == CoFundingRules.Other))
        {
            throw new InvalidDataException($"application-form.json: coFundingSources ends with \"{CoFundingRules.Other}\" (a source the list does not name).");
        }
        foreach (var (id, kind) in kinds)
        {
            Unique(kind.RequiredDocuments.Select(d => d.Id), $"supportKinds.{id}.requiredDocuments");
        }

        return new ApplicationForm
        {
            Version = Required(file.Version, "version"),
            Districts = districts,
            DistrictsNote = file.Districts?.Note ?? string.Empty,
            Sectors = sectors,
            RevenueBands = bands,
            RevenueBandsNote = file.RevenueBands?.Note ?? string.Empty,
            DefaultDuration = Range(file.DurationMonths ?? throw new InvalidDataException("application-form.json: durationMonths is missing."), "durationMonths"),
            Kinds = kinds,
            CoFundingSources = coFunding,
            CoFundingSourcesNote = file.CoFundingSources?.Note ?? string.Empty,
        };
    }

    static MonthRange Range(RangeDto range, string where) =>
        range is { Min: >= 1 and var min, Max: { } max } && max >= min
            ? new MonthRange(min, max)
            : throw new InvalidDataException($"application-form.json: {where} needs 1 <= min <= max.");

    static List<T> Items<T>(List<T>? items, string where) =>
        items is { Count: > 0 } ? items : throw new InvalidDataException($"application-form.json: {where} is empty.");

    static string Required(string? value, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"application-form.json: an entry of {where} lacks a value.") : value;

    static void Unique(IEnumerable<string> ids, string where)
    {
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidDataException($"application-form.json: {where} repeats '{duplicate.Key}'.");
        }
    }

    sealed record FileDto(string? Version, ListDto<ItemDto>? Districts, ListDto<ItemDto>? Sectors, ListDto<ItemDto>? RevenueBands,
        RangeDto? DurationMonths, Dictionary<string, KindDto>? SupportKinds)
    {
        public ListDto<ItemDto>? CoFundingSources { get; init; }
    }

    sealed record ListDto<T>(string? Note, List<T>? Items);

    sealed record ItemDto(string? Id, string? Code, string? Name);

    sealed record RangeDto(int? Min, int? Max);

    sealed record KindDto(List<ItemDto>? RequiredDocuments, RangeDto? DurationMonths);
}

/// <summary>What the form asks of one support kind: the documents to attach and, when the kind sets them, its duration bounds.</summary>
public sealed record KindForm(IReadOnlyList<FormChoice> RequiredDocuments, MonthRange? DurationMonths);
