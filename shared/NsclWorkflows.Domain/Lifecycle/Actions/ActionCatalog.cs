namespace NsclWorkflows.Domain.Lifecycle.Actions;

/// <summary>Every action of the lifecycle, in the order the API lists them. A new action is one file and one line here.</summary>
public static class ActionCatalog
{
    public static IReadOnlyList<ActionDefinition> All { get; } =
    [
        new AcceptCompleteness(), new RequestSupplementation(), new Resubmit(), new SubmitAppraisal(), new Approve(), new Reject(),
        new SubmitCheckIn(), new ReviewCheckIn(), new RequestExtension(), new DecideExtension(), new SubmitFinalReport(), new Evaluate(),
        new Withdraw(), new Cancel(), new AddNote(), new RecordSignedDecision(), new RecordPayment(),
        new RecordCouncilResult(),
        new ConfirmAssignment(),
        new RecordCouncilEvaluation(),
        new RecordSignedRecognition(),
    ];

    static readonly Dictionary<LifecycleAction, ActionDefinition> ByAction = All.ToDictionary(a => a.Action);

    static readonly Dictionary<string, ActionDefinition> ByUrlName = All.ToDictionary(a => a.UrlName, StringComparer.Ordinal);

    /// <summary>The actions taken in any open status beside the status's own (notes on the file).</summary>
    public static IReadOnlyList<LifecycleAction> Annotations { get; } = [.. All.Where(a => a.IsAnnotation).Select(a => a.Action)];

    public static ActionDefinition Of(LifecycleAction action) =>
        ByAction.TryGetValue(action, out var definition) ? definition : throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown action.");

    public static bool TryParse(string urlName, out ActionDefinition definition) => ByUrlName.TryGetValue(urlName, out definition!);
}
