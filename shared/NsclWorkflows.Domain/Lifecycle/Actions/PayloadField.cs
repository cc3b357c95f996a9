namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>The kind of value a field of an action's JSON body holds (how the API reads and checks it).</summary>
public enum FieldKind
{
    /// <summary>Free text (a block: normalised, at most 4000 characters).</summary>
    Text,

    /// <summary>A list of short texts (lines).</summary>
    TextList,

    /// <summary>A whole number between <see cref="PayloadField.Min"/> and <see cref="PayloadField.Max"/>.</summary>
    WholeNumber,

    /// <summary>An amount of đồng (a positive whole number).</summary>
    Amount,

    Bool,

    /// <summary>A date <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>Scores per criterion: <c>[{criterion, score, maxScore}]</c>.</summary>
    Scores,
}

/// <summary>
/// One field of an action's JSON body: its wire name, its kind, when it is required (given the fields read before it),
/// and where its value goes in the <see cref="ActionRequest"/> envelope raised to the workflow.
/// </summary>
public sealed record PayloadField(string Name, FieldKind Kind, Func<ActionRequest, object, ActionRequest> Set)
{
    /// <summary>Whether the field must be present, given the request read so far (null: optional).</summary>
    public Func<ActionRequest, bool>? RequiredWhen { get; init; }

    public int Min { get; init; }

    public int Max { get; init; }

    public bool IsRequired(ActionRequest sofar) => RequiredWhen?.Invoke(sofar) == true;

    static bool Always(ActionRequest _) => true;

    public static PayloadField Note(bool required = false) =>
        new("note", FieldKind.Text, (r, v) => r with { Note = (string)v }) { RequiredWhen = required ? Always : null };

    /// <summary>A note required when the decision read before it is negative (a refusal needs its reason).</summary>
    public static PayloadField NoteWhenNegative() =>
        new("note", FieldKind.Text, (r, v) => r with { Note = (string)v }) { RequiredWhen = r => r.Positive == false };

    public static PayloadField Attachments() => new("attachments", FieldKind.TextList, (r, v) => r with { Attachments = (IReadOnlyList<string>)v });

    public static PayloadField Amount(bool required = false) =>
        new("amountVnd", FieldKind.Amount, (r, v) => r with { AmountVnd = (long)v }) { RequiredWhen = required ? Always : null };

    /// <summary>A yes/no decision (<paramref name="name"/> on the wire; <see cref="ActionRequest.Positive"/> in the envelope).</summary>
    public static PayloadField Decision(string name) =>
        new(name, FieldKind.Bool, (r, v) => r with { Positive = (bool)v }) { RequiredWhen = Always };

    public static PayloadField Scores(bool required) =>
        new("scores", FieldKind.Scores, (r, v) => r with { Scores = (IReadOnlyList<CriterionScore>)v }) { RequiredWhen = required ? Always : null };

    public static PayloadField WholeNumber(string name, int min, int max, Func<ActionRequest, int, ActionRequest> set, bool required = false) =>
        new(name, FieldKind.WholeNumber, (r, v) => set(r, (int)v)) { Min = min, Max = max, RequiredWhen = required ? Always : null };

    public static PayloadField TextList(string name, Func<ActionRequest, IReadOnlyList<string>, ActionRequest> set, bool required = false) =>
        new(name, FieldKind.TextList, (r, v) => set(r, (IReadOnlyList<string>)v)) { RequiredWhen = required ? Always : null };

    public static PayloadField Date(string name, Func<ActionRequest, DateOnly, ActionRequest> set, bool required = false) =>
        new(name, FieldKind.Date, (r, v) => set(r, (DateOnly)v)) { RequiredWhen = required ? Always : null };
}
