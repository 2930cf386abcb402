namespace BackOffice.Web.Encryption;

/// <summary>The key-encryption key is missing, malformed, or not the one the stored files were encrypted with.</summary>
public sealed class EncryptionKeyException : Exception
{
    public EncryptionKeyException()
    {
    }

    public EncryptionKeyException(string message) : base(message)
    {
    }

    public EncryptionKeyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
