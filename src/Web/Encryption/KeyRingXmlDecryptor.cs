using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace BackOffice.Web.Encryption;

/// <summary>Opens a key <see cref="KeyRingXmlEncryptor"/> stored. Data Protection creates it by type name with the app's services.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var encryption = services.GetRequiredService<AtRestEncryption>();
        var plain = encryption.Decrypt(Convert.FromBase64String(encryptedElement.Value.Trim()), "A Data Protection key");
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
