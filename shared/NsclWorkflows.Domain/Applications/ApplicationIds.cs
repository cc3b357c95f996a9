namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// An application's identifier: 128 random bits written as 26 lower-case base32 characters. It is unguessable, but it
/// is still not a credential: reading an application also needs its access token or an officer.
/// Randomness is passed in, so the domain never reads an entropy source itself.
/// </summary>
public static class ApplicationIds
{
    public const int Length = 26;
    const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string FromRandom(ReadOnlySpan<byte> sixteenBytes)
    {
        if (sixteenBytes.Length != 16)
        {
            throw new ArgumentException("An application id needs exactly 16 random bytes.", nameof(sixteenBytes));
        }

        return Base32.Encode(sixteenBytes, Alphabet)[..Length];
    }

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>The durable instance id of the application's workflow.</summary>
    public static string WorkflowInstanceId(string applicationId) => $"application-{applicationId}";
}
