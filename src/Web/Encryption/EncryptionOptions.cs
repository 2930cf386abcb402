namespace BackOffice.Web.Encryption;

/// <summary>
/// Where the key-encryption key comes from (<c>BackOffice:Encryption</c>). It must live outside the database and the
/// data directory: a file only the app's account can read (e.g. a mounted secret), or an environment variable.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "BackOffice:Encryption";

    /// <summary>A file holding the key: 32 random bytes, base64 (make one with <c>encryption new-key &lt;path&gt;</c>).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The key itself, base64; meant for the environment variable <c>BackOffice__Encryption__Key</c>.</summary>
    public string? Key { get; set; }

    /// <summary>Keys being rotated away from: still read, never used to write; remove them once <c>encryption rotate</c> ran.</summary>
    public IList<string> PreviousKeyFiles { get; } = [];

    /// <summary>Where Development and tests keep a generated key when none is configured (outside any data directory).</summary>
    public static string DevelopmentKeyFile => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "BackOffice", "development-encryption.key");
}
