using System.Text;
using System.Xml.Linq;
using BackOffice.Web.Commands;
using BackOffice.Web.Documents;
using BackOffice.Web.Encryption;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Encryption;

public sealed class StoredFilesTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "backoffice-stored-files-tests", Guid.NewGuid().ToString("N"));
    private readonly string _keyFile = TestEncryption.NewKeyFile();

    [Fact]
    public async Task Upload_IsStoredWithoutItsPdfHeaderOrThePatientsName_AndReadsBackWhole()
    {
        await using var factory = App(_keyFile);
        using var form = new RequestForm(factory);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% Photo ID of Maria {form.Answers.LastName}, born 1980-03-31\n%%EOF\n");
        form.Answers.PhotoId = new UploadFile("PhotoId", "id.pdf", "application/pdf", pdf);

        (await form.SubmitAsync()).Location().ShouldBe("/request/done");

        var document = (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Documents.ShouldHaveSingleItem();
        var path = Path.Combine(_dataDirectory, "documents", document.StorageKey);
        var stored = await File.ReadAllBytesAsync(path);
        stored.AsSpan().StartsWith("%PDF"u8).ShouldBeFalse();
        var text = Encoding.Latin1.GetString(stored);
        text.ShouldNotContain(form.Answers.LastName);
        text.ShouldNotContain("1980-03-31");
        await using var read = factory.Services.GetRequiredService<DocumentStore>().OpenRead(document.StorageKey);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(pdf);
    }

    [Fact]
    public async Task Start_WithAnotherKey_Stops_NamingTheKeyTheFilesNeed()
    {
        string first;
        await using (var factory = App(_keyFile))
        {
            factory.CreateClient().Dispose();
            first = factory.Services.GetRequiredService<KeyRing>().Current.Id;
        }

        var other = TestEncryption.NewKeyFile();
        await using var wrong = App(other);

        var failure = Should.Throw<Exception>(() => wrong.CreateClient());

        var refused = Flatten(failure).OfType<EncryptionKeyException>().ShouldHaveSingleItem();
        refused.Message.ShouldContain(first);
        refused.Message.ShouldContain(KeyEncryptionKey.FromFile(other).Id);
    }

    [Fact]
    public async Task FirstStart_EncryptsFilesStoredPlainBefore()
    {
        var plain = "%PDF-1.7 a letter to Maria Lopez"u8.ToArray();
        var legacy = Path.Combine(_dataDirectory, "documents", "2025", new string('a', 32));
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        await File.WriteAllBytesAsync(legacy, plain);
        // A key ring written before, without encryption (as Data Protection does on Linux by default).
        var cookie = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_dataDirectory, "keys")), setup => setup.SetApplicationName("BackOffice"))
            .CreateProtector("test").Protect("staff session");
        var keyFile = Directory.GetFiles(Path.Combine(_dataDirectory, "keys"), "*.xml").ShouldHaveSingleItem();
        XDocument.Load(keyFile).Descendants("masterKey").ShouldHaveSingleItem();

        await using var factory = App(_keyFile);
        factory.CreateClient().Dispose();

        XDocument.Load(keyFile).Descendants("masterKey").ShouldBeEmpty();
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(cookie).ShouldBe("staff session");

        AtRestEncryption.IsEncrypted(legacy).ShouldBeTrue();
        Encoding.Latin1.GetString(await File.ReadAllBytesAsync(legacy)).ShouldNotContain("Maria Lopez");
        await using var read = factory.Services.GetRequiredService<DocumentStore>().OpenRead("2025/" + new string('a', 32));
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(plain);
        factory.LogMessages.ShouldContain(m => m.Contains("Encrypted 1 stored files and 1 Data Protection keys", StringComparison.Ordinal));
        factory.LogMessages.ShouldContain(m => m.Contains("Imported 1 Data Protection keys from the data directory into the database", StringComparison.Ordinal));
        var imported = (await KeyRowsAsync(factory)).ShouldHaveSingleItem();
        imported.FriendlyName.ShouldBe(Path.GetFileNameWithoutExtension(keyFile));
        XElement.Parse(imported.Xml!).Descendants("masterKey").ShouldBeEmpty();
    }

    private static async Task<List<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>> KeyRowsAsync(BackOfficeFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BackOffice.Web.Identity.StaffIdentityDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task DataProtectionKeys_AreStoredEncrypted_InTheSharedDatabase()
    {
        await using var factory = App(_keyFile);
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("cookie");

        var xml = XElement.Parse((await KeyRowsAsync(factory)).ShouldHaveSingleItem().Xml!);
        xml.Descendants("masterKey").ShouldBeEmpty();
        var secret = xml.Descendants(XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection")).ShouldHaveSingleItem();
        secret.Attribute("decryptorType")!.Value.ShouldStartWith(typeof(KeyRingXmlDecryptor).FullName!);
        xml.Descendants(KeyRingXmlEncryptor.ElementName).ShouldHaveSingleItem();
        Directory.Exists(Path.Combine(_dataDirectory, "keys")).ShouldBeFalse(); // nothing on the node's own disk
    }

    [Fact]
    public async Task ACookieMadeOnOneNode_IsReadOnAnotherSharingTheDatabase()
    {
        await using var first = App(_keyFile);
        var made = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("staff session");
        var elsewhere = Path.Combine(Path.GetTempPath(), "backoffice-other-node-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Another node: its own data directory (documents aside), the same database and key.
            await using var second = new BackOfficeFactory(new Dictionary<string, string?>
            {
                ["BackOffice:DataDirectory"] = elsewhere, ["BackOffice:Encryption:KeyFile"] = _keyFile,
                ["BackOffice:Database:ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "backoffice.db")}",
            });

            second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(made).ShouldBe("staff session");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(elsewhere)) Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task Rotate_RewrapsEveryFileAndTheKeyRing_AndReencryptsTheDatabase_SoTheNewKeyAloneReadsWhatTheOldOneWrote()
    {
        string protectedCookie;
        DraftDocument document;
        RecordsRequest request;
        await using (var before = App(_keyFile))
        {
            request = await before.StartAsync(RequestScenarios.PatientDraft());
            protectedCookie = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("staff session");
            document = await before.Services.GetRequiredService<DocumentStore>()
                .SaveAsync(new MemoryStream("%PDF-1.7 records"u8.ToArray()), "records.pdf", DocumentKind.ReleasePackage);
        }

        var newKey = TestEncryption.NewKeyFile();
        var rotating = new Dictionary<string, string?>
        {
            ["BackOffice:Encryption:KeyFile"] = newKey, ["BackOffice:Encryption:PreviousKeyFiles:0"] = _keyFile,
        };
        await using (var during = App(newKey, rotating))
        {
            var output = new StringWriter();
            (await BackOfficeCommands.RunAsync(during.Services, ["encryption", "rotate"], output)).ShouldBe(0);
            output.ToString().ShouldContain("2 files re-wrapped"); // the document and the check file
            output.ToString().ShouldContain("Data Protection keys in the database re-wrapped: 1");
            output.ToString().ShouldMatch($@"Database: [1-9]\d* values in [1-9]\d* rows re-encrypted with key {KeyEncryptionKey.FromFile(newKey).Id}\.");
        }

        await using var after = App(newKey);
        after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedCookie).ShouldBe("staff session");
        await using var read = after.Services.GetRequiredService<DocumentStore>().OpenRead(document.StorageKey);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe("%PDF-1.7 records"u8.ToArray());
        var status = new StringWriter();
        (await BackOfficeCommands.RunAsync(after.Services, ["encryption", "status"], status)).ShouldBe(0);
        status.ToString().ShouldContain($"Files wrapped with {KeyEncryptionKey.FromFile(newKey).Id}: 2");
        status.ToString().ShouldContain($"Database values encrypted with {KeyEncryptionKey.FromFile(newKey).Id}: ");
        status.ToString().ShouldNotContain(KeyEncryptionKey.FromFile(_keyFile).Id);
        await using var scope = after.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>().Requests.AsNoTracking().SingleAsync(r => r.Id == request.Id))
            .Patient.ShouldBe(request.Patient);
    }

    [Fact]
    public void NewKey_WritesAKeyOnlyTheOwnerReads_AndNeverOverwritesOne()
    {
        var path = Path.Combine(Path.GetDirectoryName(_keyFile)!, "new.key");
        var output = new StringWriter();

        BackOfficeCommands.RunWithoutHost(["encryption", "new-key", path], output).ShouldBe(0);
        var key = KeyEncryptionKey.FromFile(path);
        output.ToString().ShouldContain(key.Id);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        BackOfficeCommands.RunWithoutHost(["encryption", "new-key", path], output).ShouldBe(1);
        KeyEncryptionKey.FromFile(path).Id.ShouldBe(key.Id);
    }

    [Fact]
    public void Split_TakesTheWordsBeforeTheFirstOption_AsTheCommand()
    {
        var (command, host) = BackOfficeCommands.Split(["encryption", "rotate", "--BackOffice:DataDirectory=/srv/data"]);

        command.ShouldBe(["encryption", "rotate"]);
        host.ShouldBe(["--BackOffice:DataDirectory=/srv/data"]);
        BackOfficeCommands.RunWithoutHost(["encryption", "shred"], new StringWriter()).ShouldBe(2);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    private BackOfficeFactory App(string keyFile, Dictionary<string, string?>? settings = null)
    {
        settings ??= new Dictionary<string, string?> { ["BackOffice:Encryption:KeyFile"] = keyFile };
        settings["BackOffice:DataDirectory"] = _dataDirectory;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return new BackOfficeFactory(settings) { ConfigureServices = services => services.AddSingleton<TimeProvider>(time) };
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }
}
