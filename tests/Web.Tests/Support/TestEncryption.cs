using System.Security.Cryptography;
using BackOffice.Web.Encryption;

namespace BackOffice.Web.Tests.Support;

/// <summary>Keys for tests: one key file for every app host of the run, and fresh keys for unit tests.</summary>
public static class TestEncryption
{
    private static readonly Lazy<string> SharedKeyFile = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "backoffice-web-tests-keys");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"records-{Environment.ProcessId}.key");
        if (!File.Exists(path)) File.WriteAllText(path, KeyEncryptionKey.NewKeyFileText());
        return path;
    });

    /// <summary>The key file every <see cref="BackOfficeFactory"/> of this test run uses unless told otherwise.</summary>
    public static string KeyFile => SharedKeyFile.Value;

    public static KeyEncryptionKey NewKey(string source = "a test key") => new(RandomNumberGenerator.GetBytes(KeyEncryptionKey.KeyBytes), source);

    public static AtRestEncryption NewEncryption() => new(new KeyRing(NewKey()));

    /// <summary>Writes a new key file in a fresh folder outside any data directory and returns its path.</summary>
    public static string NewKeyFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "backoffice-web-tests-keys", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "records.key");
        File.WriteAllText(path, KeyEncryptionKey.NewKeyFileText());
        return path;
    }
}
