using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Documents;

/// <summary>One app on a fresh SQLite database for the document tests; each test makes its own requests.</summary>
public sealed class DocumentsApp : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
