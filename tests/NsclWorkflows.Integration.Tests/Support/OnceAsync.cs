namespace NsclWorkflows.Integration.Tests.Support;

/// <summary>
/// A value several tests of a class share (say, applications in a given state), made by the first test that asks and
/// by that one only; a failed attempt is not kept, so the next test tries again.
/// </summary>
public sealed class OnceAsync<T>
{
    readonly SemaphoreSlim gate = new(1, 1);
    T? value;
    bool made;

    public async Task<T> GetAsync(Func<Task<T>> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        await gate.WaitAsync();
        try
        {
            if (!made)
            {
                value = await make();
                made = true;
            }

            return value!;
        }
        finally
        {
            gate.Release();
        }
    }
}
