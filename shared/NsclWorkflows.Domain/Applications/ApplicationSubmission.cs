namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// What an enterprise (or, for expert training, a nominating organisation) submitted, after validation and
/// normalisation (NFC, trimmed). Stored with the application and in workflow history: fields are only ever added.
/// </summary>
/// <remarks>
/// <see cref="EnterpriseCode"/> is empty when a public body nominates (<see cref="OrganisationTypes.PublicBody"/>),
/// which has no mã số doanh nghiệp; <see cref="EnterpriseName"/> is then the body's name.
/// </remarks>
public sealed record ApplicationSubmission(
    string EnterpriseCode,
    string EnterpriseName,
    string ContactName,
    string ContactEmail,
    string Phone,
    string SupportKindId,
    string Title,
    string Summary,
    long RequestedAmountVnd)
{
    /// <summary>Who submits: <see cref="OrganisationTypes.Enterprise"/> (null, the default) or <see cref="OrganisationTypes.PublicBody"/>.</summary>
    public string? OrganisationType { get; init; }

    /// <summary>The persons nominated (expert training, I.2); null for kinds that nominate nobody.</summary>
    public IReadOnlyList<Nominee>? Nominees { get; init; }

    /// <summary>True when a public body (sở, ban, ngành, đơn vị sự nghiệp) submitted, not an enterprise.</summary>
    public bool IsPublicBody => OrganisationType == OrganisationTypes.PublicBody;
}

/// <summary>A person nominated for expert training: name, organisation (an enterprise or a public body) and position.</summary>
public sealed record Nominee(string Name, string Organisation, string? Position);

/// <summary>The kinds of organisation that may submit. Stored: never rename one.</summary>
public static class OrganisationTypes
{
    public const string Enterprise = "enterprise";
    public const string PublicBody = "public-body";

    public static readonly IReadOnlyList<string> All = [Enterprise, PublicBody];
}
