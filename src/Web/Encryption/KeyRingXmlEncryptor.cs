using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace BackOffice.Web.Encryption;

/// <summary>
/// Encrypts each ASP.NET Core Data Protection key (which protects sign-in cookies, the wizard's answers and the
/// secure e-mail passphrases) with the key-encryption key before it is stored, wherever the key ring is kept.
/// </summary>
public sealed class KeyRingXmlEncryptor(AtRestEncryption encryption) : IXmlEncryptor
{
    public const string ElementName = "encryptedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(ElementName,
            new XComment(" Encrypted with the BackOffice key-encryption key (BackOffice:Encryption). "),
            Convert.ToBase64String(encryption.Encrypt(plain)));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}
