using System.Data.Common;
using System.Net;
using BackOffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Faults;

/// <summary>The database away for a moment (a restart, a fail-over, a lock held too long) is not a bug in the request.</summary>
public sealed class DatabaseAwayTests : IAsyncLifetime, IDisposable
{
    private readonly AwayDatabase _away = new();
    private readonly BackOfficeFactory _factory;

    public DatabaseAwayTests() => _factory = new BackOfficeFactory
    {
        ConfigureServices = services => services.AddSingleton<IInterceptor>(_away),
    };

    [Fact]
    public async Task APage_WhileTheDatabaseIsAway_Answers503WithRetryAfter_AndNoDetails_ThenWorksAgain()
    {
        using var clerk = await _factory.SignedInAsync("clerk");
        _away.Away = true;

        var refused = await clerk.GetAsync(new Uri("/Staff/Requests", UriKind.Relative));
        var html = await refused.Content.ReadAsStringAsync();

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(30));
        html.ShouldContain("Briefly unavailable");
        html.ShouldNotContain("SqliteException");
        html.ShouldNotContain("database is locked");

        _away.Away = false;
        (await clerk.GetAsync(new Uri("/Staff/Requests", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task APage_ThatFailsForAnyOtherReason_StillAnswers500()
    {
        using var clerk = await _factory.SignedInAsync("clerk");
        _away.Broken = true;

        var failed = await clerk.GetAsync(new Uri("/Staff/Requests", UriKind.Relative));

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        failed.Headers.RetryAfter.ShouldBeNull();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    public void Dispose() => _factory.Dispose();

    /// <summary>Fails every command of the request store: "database is locked" (transient) or a broken statement (not).</summary>
    private sealed class AwayDatabase : DbCommandInterceptor
    {
        public volatile bool Away;
        public volatile bool Broken;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Away) throw new SqliteException("database is locked", 5);
            if (Broken) throw new SqliteException("no such column: Nonsense", 1);
            return ValueTask.FromResult(result);
        }
    }
}
