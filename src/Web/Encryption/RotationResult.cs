using System.Text;

namespace BackOffice.Web.Encryption;

/// <summary>What a key rotation did.</summary>
public sealed record RotationResult(string KeyId, int Rewrapped, int AlreadyCurrent, int KeyRingFiles)
{
    public override string ToString() =>
        new StringBuilder().Append("Key ").Append(KeyId).Append(": ").Append(Rewrapped).Append(" files re-wrapped, ")
            .Append(AlreadyCurrent).Append(" already current, ").Append(KeyRingFiles).Append(" key ring files rewritten.").ToString();
}
