using BackOffice.Web.Encryption;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Encryption;

public sealed class KeyRingTests
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "backoffice-keyring-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Load_WithNoKeyOutsideDevelopment_StopsSayingWhatToConfigure()
    {
        var refused = Should.Throw<EncryptionKeyException>(() => KeyRing.Load(new EncryptionOptions(), _dataDirectory, allowDevelopmentKey: false));

        refused.Message.ShouldContain("BackOffice:Encryption:KeyFile");
        refused.Message.ShouldContain("BackOffice__Encryption__Key");
        refused.Message.ShouldContain("encryption new-key");
    }

    [Fact]
    public void Load_OfAKeyFileInsideTheSharedFilesDirectory_IsRefused()
    {
        var files = Path.Combine(_dataDirectory, "..", Path.GetFileName(_dataDirectory) + "-files");
        var inside = Path.Combine(files, "records.key");
        Directory.CreateDirectory(files);
        File.WriteAllText(inside, KeyEncryptionKey.NewKeyFileText());
        try
        {
            Should.Throw<EncryptionKeyException>(() => KeyRing.Load(new EncryptionOptions { KeyFile = inside }, _dataDirectory, files, allowDevelopmentKey: true))
                .Message.ShouldContain(Path.GetFullPath(inside));
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    [Fact]
    public void Load_OfAKeyFileInsideTheDataDirectory_IsRefused()
    {
        var inside = Path.Combine(_dataDirectory, "records.key");
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(inside, KeyEncryptionKey.NewKeyFileText());

        Should.Throw<EncryptionKeyException>(() => KeyRing.Load(new EncryptionOptions { KeyFile = inside }, _dataDirectory, allowDevelopmentKey: true))
            .Message.ShouldContain("inside the data directory");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")]
    public void Load_OfAMalformedKey_IsRefused(string key) =>
        Should.Throw<EncryptionKeyException>(() => KeyRing.Load(new EncryptionOptions { Key = key }, _dataDirectory, allowDevelopmentKey: true))
            .Message.ShouldContain("BackOffice__Encryption__Key");

    [Fact]
    public void Load_ReadsTheKeyFile_AndThePreviousKeys()
    {
        var file = TestEncryption.NewKeyFile();
        var previous = TestEncryption.NewKeyFile();
        var options = new EncryptionOptions { KeyFile = file };
        options.PreviousKeyFiles.Add(previous);

        var ring = KeyRing.Load(options, _dataDirectory, allowDevelopmentKey: false);

        ring.Current.Id.ShouldBe(KeyEncryptionKey.FromFile(file).Id);
        ring.Previous.ShouldHaveSingleItem().Id.ShouldBe(KeyEncryptionKey.FromFile(previous).Id);
        ring.Find(Convert.FromHexString(ring.Previous[0].Id)).ShouldBe(ring.Previous[0]);
        ring.Find(new byte[8]).ShouldBeNull();
    }

    [Fact]
    public void Load_PrefersTheKeyInTheEnvironment_ToTheKeyFile()
    {
        var text = KeyEncryptionKey.NewKeyFileText();
        var options = new EncryptionOptions { Key = text, KeyFile = TestEncryption.NewKeyFile() };

        var ring = KeyRing.Load(options, _dataDirectory, allowDevelopmentKey: false);

        ring.Current.Id.ShouldBe(KeyEncryptionKey.FromBase64(text, "test").Id);
        ring.Current.Source.ShouldBe("BackOffice__Encryption__Key");
    }
}
