using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Documents;

/// <summary>Several nodes: each its own data directory, one database and one files directory every node mounts.</summary>
public sealed class SharedFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "backoffice-shared-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private BackOfficeFactory Node(string name) => RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
    {
        ["BackOffice:DataDirectory"] = Path.Combine(_root, name),
        ["BackOffice:FilesDirectory"] = Path.Combine(_root, "files"),
        ["BackOffice:Database:ConnectionString"] = $"Data Source={Path.Combine(_root, "shared.db")}",
    });

    [Fact]
    public async Task AnIdUploadedOnOneNode_IsDownloadedOnAnother()
    {
        await using var first = Node("node-a");
        await using var second = Node("node-b");
        using var form = new RequestForm(first);
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        var photo = request.Documents.ShouldHaveSingleItem();
        using var clerk = await second.SignedInAsync("clerk");

        var download = await clerk.GetAsync(new Uri($"/Staff/Requests/{request.Id}?handler=Document&documentId={photo.Id}", UriKind.Relative));

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(form.Answers.PhotoId.Bytes);
        Directory.GetFiles(Path.Combine(_root, "files", "documents"), "*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        Directory.Exists(Path.Combine(_root, "node-a", "documents")).ShouldBeFalse();
    }
}
