namespace NsclWorkflows.Local.Email;

/// <summary>
/// One planned answer: the capture endpoint answers a send with this status (after an optional delay) instead of
/// accepting it; with <see cref="To"/>, only a send to that address (case-insensitive), so other mail flows on.
/// </summary>
public sealed record CaptureFault(int Status, int DelayMilliseconds = 0, string? To = null)
{
    public bool Applies(IReadOnlyCollection<string> recipients) =>
        To is null || recipients.Contains(To, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Answers planned for the next sends, in order (tests: "429 twice, then accept"). In memory: gone on restart.</summary>
public sealed class CaptureFaults
{
    readonly List<CaptureFault> planned = [];
    readonly Lock gate = new();

    public void Plan(CaptureFault fault, int count)
    {
        lock (gate)
        {
            planned.AddRange(Enumerable.Repeat(fault, count));
        }
    }

    /// <summary>Takes the first planned fault that applies to a message to <paramref name="recipients"/>.</summary>
    public bool TryTakeNext(IReadOnlyCollection<string> recipients, out CaptureFault? fault)
    {
        lock (gate)
        {
            var index = planned.FindIndex(f => f.Applies(recipients));
            fault = index < 0 ? null : planned[index];
            if (index >= 0)
            {
                planned.RemoveAt(index);
            }

            return fault is not null;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            planned.Clear();
        }
    }

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return planned.Count;
            }
        }
    }
}
