using System.Collections.Concurrent;

namespace NsclWorkflows.Local.Email;

/// <summary>One planned answer: the capture endpoint answers the next send with this status (after an optional delay) instead of accepting it.</summary>
public sealed record CaptureFault(int Status, int DelayMilliseconds = 0);

/// <summary>Answers planned for the next sends, in order (tests: "429 twice, then accept"). In memory: gone on restart.</summary>
public sealed class CaptureFaults
{
    readonly ConcurrentQueue<CaptureFault> planned = new();

    public void Plan(CaptureFault fault, int count)
    {
        for (var i = 0; i < count; i++)
        {
            planned.Enqueue(fault);
        }
    }

    public bool TryTakeNext(out CaptureFault? fault) => planned.TryDequeue(out fault);

    public void Clear() => planned.Clear();

    public int Pending => planned.Count;
}
