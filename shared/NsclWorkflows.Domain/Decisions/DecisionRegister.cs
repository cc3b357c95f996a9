using System.Globalization;

namespace NsclWorkflows.Domain.Decisions;

/// <summary>
/// A decision to enter in the year's register (sổ văn bản): which application's decision of which kind, when and by whom
/// it was signed, who records it. <see cref="Year"/> is the year of <see cref="SignedOn"/>: the register a decision is
/// numbered in.
/// </summary>
public sealed record DecisionRegistration(
    string ApplicationId,
    string TrackingCode,
    string Unit,
    string Kind,
    DateOnly SignedOn,
    string SignerName,
    string SignerTitle,
    string RecordedBy,
    DateTimeOffset AtUtc)
{
    public int Year => SignedOn.Year;

    /// <summary>
    /// The symbol the number is written with: the issuing unit's ("QĐ-SKHCN" for the Department, "QĐ-SCT" for Sở Công
    /// Thương), whose own register (one per unit and year) numbers it.
    /// </summary>
    public string Symbol => Documents.DocumentIssuer.For(Unit).Symbol(Documents.DocumentSymbols.DecisionKind);
}

/// <summary>A decision as the register holds it: its number in the year, with the symbol, and what was recorded.</summary>
public sealed record RegisteredDecision(
    int Year,
    int Number,
    string Symbol,
    string ApplicationId,
    string TrackingCode,
    string Unit,
    string Kind,
    DateOnly SignedOn,
    string SignerName,
    string SignerTitle,
    string RecordedBy,
    DateTimeOffset RecordedAtUtc)
{
    /// <summary>"15/QĐ-SKHCN".</summary>
    public string NumberAndSymbol => $"{Number.ToString(CultureInfo.InvariantCulture)}/{Symbol}";
}

/// <summary>Kinds of registered decisions (stable strings).</summary>
public static class DecisionKinds
{
    /// <summary>The decision approving support of an application.</summary>
    public const string SupportApproval = "support-approval";

    /// <summary>The decision recognising the results of a task after its final evaluation (same yearly series as the others).</summary>
    public const string ResultRecognition = "result-recognition";

    /// <summary>How a person names the kind (the register's column).</summary>
    public static string Vietnamese(string kind) => kind switch
    {
        SupportApproval => "Quyết định phê duyệt hỗ trợ",
        ResultRecognition => "Quyết định công nhận kết quả thực hiện nhiệm vụ",
        _ => kind,
    };
}

/// <summary>
/// The decision register: numbers 1, 2, 3 … per year, without gaps and without duplicates, even when several leaders
/// record decisions at the same moment. Idempotent per (year, kind, application): registering the same application's
/// decision again returns the number it already has (a retried or re-executed step never takes a second number), with
/// the date and signer of the latest registration.
/// </summary>
public interface IDecisionRegister
{
    Task<RegisteredDecision> RegisterAsync(DecisionRegistration registration, CancellationToken cancellationToken);

    /// <summary>The year's decisions, in number order.</summary>
    Task<IReadOnlyList<RegisteredDecision>> ListAsync(int year, CancellationToken cancellationToken);
}
