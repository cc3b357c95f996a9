namespace NsclWorkflows.Domain.Validation;

/// <summary>Stable, English error codes. Clients may switch on them; never rename one.</summary>
public static class ErrorCodes
{
    public const string Required = "required";
    public const string WrongType = "wrong_type";
    public const string TooLong = "too_long";
    public const string TooShort = "too_short";
    public const string InvalidFormat = "invalid_format";
    public const string OutOfRange = "out_of_range";
    public const string UnknownSupportKind = "unknown_support_kind";
    public const string ExceedsKindMaximum = "exceeds_kind_maximum";
    public const string UnknownField = "unknown_field";

    /// <summary>A value outside a closed list the form offers (district, sector, revenue band).</summary>
    public const string NotInList = "not_in_list";

    /// <summary>Text holding characters <see cref="Text.TextSafety"/> refuses (noncharacters, bidi controls, …).</summary>
    public const string InvalidCharacters = "invalid_characters";
}
