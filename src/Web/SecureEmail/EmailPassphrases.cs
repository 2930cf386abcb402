using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace BackOffice.Web.SecureEmail;

/// <summary>
/// The passphrase a requester chooses for the encrypted file: protected with ASP.NET Core Data Protection before it is
/// stored (the request keeps only that), read back once to encrypt the file, then erased by the lifecycle. Never logged,
/// never shown, never sent.
/// </summary>
public sealed class EmailPassphrases(IDataProtectionProvider protection)
{
    public const int MinimumLength = 10;
    private readonly IDataProtector _protector = protection.CreateProtector("BackOffice.SecureEmail.Passphrase.v1");

    public string Protect(string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        return _protector.Protect(passphrase);
    }

    /// <summary>The passphrase, or null when it cannot be read (a key ring that lost its key): the records then go as a link.</summary>
    public string? TryUnprotect(string? protectedPassphrase)
    {
        if (string.IsNullOrEmpty(protectedPassphrase)) return null;
        try
        {
            return _protector.Unprotect(protectedPassphrase);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
