namespace NsclWorkflows.Domain.Lifecycle;

/// <summary>
/// Accepted actions kept until the workflow has taken them. The API keeps an action here before it raises the action's
/// event and answers 202; the workflow's step removes it once taken. An event can be lost while a workflow continues as
/// new on this stack (microsoft/durabletask-dotnet #387, Azure/durabletask #1399): the workflow reads what is still
/// kept when a continued execution starts and before a deadline's path is taken, so a 202 is never an action dropped.
/// A copy that also arrives as the event is taken once (<see cref="ActionRequest.ActionId"/>).
/// </summary>
public interface IPendingActions
{
    /// <summary>Keeps <paramref name="action"/> (its <see cref="ActionRequest.ActionId"/> set) for the application.</summary>
    Task AddAsync(string applicationId, ActionRequest action, DateTimeOffset acceptedAtUtc, CancellationToken cancellationToken);

    /// <summary>The application's kept actions, in the order they were accepted.</summary>
    Task<IReadOnlyList<ActionRequest>> ListAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Forgets a taken action (nothing to do when it is gone already).</summary>
    Task RemoveAsync(string applicationId, string actionId, CancellationToken cancellationToken);
}
