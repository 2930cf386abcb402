using System.Xml.Linq;

namespace BackOffice.Web.Encryption;

/// <summary>
/// The key ring's XML files on disk: rotation re-wraps the encrypted keys with the current key-encryption key, and
/// keys written before encryption at rest are encrypted.
/// </summary>
internal static class DataProtectionKeyFiles
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";

    /// <summary>Rewrites each key file whose secret is plain or wrapped with an old key; the number of files rewritten.</summary>
    public static int Protect(string keysDirectory, AtRestEncryption encryption)
    {
        if (!Directory.Exists(keysDirectory)) return 0;
        var rewritten = 0;
        foreach (var path in Directory.EnumerateFiles(keysDirectory, "*.xml"))
        {
            var document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
            if (!Protect(document.Root!, encryption, $"The Data Protection key file {Path.GetFileName(path)}")) continue;
            var temporary = path + ".tmp";
            document.Save(temporary, SaveOptions.DisableFormatting);
            File.Move(temporary, path, overwrite: true);
            rewritten++;
        }

        return rewritten;
    }

    /// <summary>
    /// Encrypts a key's plain secret and re-wraps one wrapped with an older key-encryption key, in place; true when the
    /// element changed. Used for the key files of earlier versions and the key rows in the database alike.
    /// </summary>
    public static bool Protect(XElement key, AtRestEncryption encryption, string what)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(encryption);
        var changed = false;
        var encryptor = new KeyRingXmlEncryptor(encryption);
        foreach (var plain in key.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
        {
            var info = encryptor.Encrypt(plain);
            plain.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            changed = true;
        }

        foreach (var wrapped in key.Descendants(KeyRingXmlEncryptor.ElementName))
        {
            var stored = Convert.FromBase64String(wrapped.Value.Trim());
            if (Envelope.KeyIdOf(stored) == encryption.Keys.Current.Id) continue;
            Envelope.Rewrap(stored, encryption.Keys, what);
            wrapped.Nodes().OfType<XText>().ToList().ForEach(t => t.Remove());
            wrapped.Add(Convert.ToBase64String(stored));
            changed = true;
        }

        return changed;
    }

    /// <summary>True when some key in the folder holds its secret unencrypted.</summary>
    public static bool AnyPlain(string keysDirectory) =>
        Directory.Exists(keysDirectory) && Directory.EnumerateFiles(keysDirectory, "*.xml")
            .Any(path => XDocument.Load(path).Descendants().Any(e => (bool?)e.Attribute(RequiresEncryption) == true));
}
