namespace NsclWorkflows.Domain.Applications;

/// <summary>
/// The code an enterprise quotes on the phone: <c>NSCL-2026-7K3M9Q</c>. Crockford base32 (no I, L, O, U), so it
/// reads aloud without ambiguity. Randomness is passed in.
/// </summary>
public static class TrackingCode
{
    const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Create(int year, ReadOnlySpan<byte> fourBytes)
    {
        if (fourBytes.Length != 4)
        {
            throw new ArgumentException("A tracking code needs exactly 4 random bytes.", nameof(fourBytes));
        }

        return $"NSCL-{year:D4}-{Base32.Encode(fourBytes, Alphabet)[..6]}";
    }
}
