using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Domain.Inbox;

/// <summary>One (unit, role) list of open tasks: what an officer may read is a set of these, derived from who they are.</summary>
public sealed record InboxScope(string Unit, string Role)
{
    public string Key => $"{Unit}|{Role}";
}

/// <summary>
/// What a page lists: open tasks, overdue first (due date, then application id), or with <see cref="Search"/> the tasks
/// whose enterprise name, enterprise code, tracking code or application id has a word starting with it (folded by
/// <see cref="Text.SearchText"/>). Step, line and year narrow either; <see cref="OverdueOnly"/> keeps tasks due before
/// <see cref="Now"/>.
/// </summary>
public sealed record InboxFilter(string? Step, string? Line, int? Year, bool OverdueOnly, string? Search, DateTimeOffset Now);

/// <summary>
/// A page request: the scopes, the filter, and where the previous page stopped in each scope (storage positions, from
/// <see cref="InboxPage.Next"/>; empty for the first page).
/// </summary>
public sealed record InboxPageRequest(IReadOnlyList<InboxScope> Scopes, InboxFilter Filter, IReadOnlyDictionary<string, string> After, int Size);

/// <summary>A page, and where each scope stops (null when every scope is read to its end).</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, IReadOnlyDictionary<string, string>? Next);

/// <summary>Pages of the officers' inbox, read as ranges: never the whole of a unit's tasks.</summary>
public interface IInboxReader
{
    /// <summary>Position meaning "this scope is read to its end".</summary>
    public const string End = "~end";

    Task<InboxPage> PageAsync(InboxPageRequest request, CancellationToken cancellationToken);
}
