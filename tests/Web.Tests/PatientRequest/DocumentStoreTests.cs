using System.Security.Cryptography;
using BackOffice.Web.Documents;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.PatientRequest;

public sealed class DocumentStoreTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "backoffice-documents-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly DocumentStore _store;

    public DocumentStoreTests()
    {
        var workflows = new WorkflowsOptions();
        workflows.Database.DataDirectory = _dataDirectory;
        _store = new DocumentStore(workflows, Options.Create(new DocumentOptions { MaxUploadBytes = 10_000 }), _time, TestEncryption.NewEncryption());
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)]
    public void Detect_KnowsOnlyPdfJpegAndPng_ByTheirFirstBytes(byte[] header, string? expected) =>
        DocumentStore.Detect(header).ShouldBe(expected);

    [Fact]
    public async Task Save_StoresUnderTheYearWithARandomKey_AndTheSha256_AndOpenReadReturnsTheBytes()
    {
        var bytes = "%PDF-1.7 a scanned id"u8.ToArray();

        var document = await _store.SaveAsync(new MemoryStream(bytes), "../../etc/passwd.pdf", DocumentKind.PhotoId);

        document.StorageKey.ShouldMatch("^2026/[0-9a-f]{32}$");
        document.FileName.ShouldBe("passwd.pdf");
        document.ContentType.ShouldBe("application/pdf");
        document.Size.ShouldBe(bytes.Length);
        document.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        document.UploadedAt.ShouldBe(_time.GetUtcNow());
        File.Exists(Path.Combine(_dataDirectory, "documents", "2026", document.StorageKey[5..])).ShouldBeTrue();
        await using var read = _store.OpenRead(document.StorageKey);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task Save_RefusesATooLargeFile_AndLeavesNothingBehind()
    {
        var bytes = new byte[10_001];
        "%PDF-"u8.CopyTo(bytes);

        var refused = await Should.ThrowAsync<DocumentRejectedException>(() => _store.SaveAsync(new MemoryStream(bytes), "big.pdf", DocumentKind.PhotoId));

        refused.Message.ShouldContain("larger than");
        Directory.EnumerateFiles(_store.Root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../keys/key.xml")]
    [InlineData("2026/../../backoffice.db")]
    [InlineData("/etc/passwd")]
    public void OpenRead_RefusesAnythingButAStorageKey(string key) =>
        Should.Throw<ArgumentException>(() => _store.OpenRead(key));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
