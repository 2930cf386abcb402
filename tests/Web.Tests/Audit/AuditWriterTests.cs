using BackOffice.Web.Auditing;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Audit;

public sealed class AuditWriterTests : IAsyncLifetime, IDisposable
{
    private readonly BackOfficeFactory _factory = new()
    {
        ConfigureServices = services => services.AddSingleton<IInterceptor, PoisonAuditRows>(),
    };

    [Fact]
    public async Task WriteAsync_FromManyCallersAtOnce_StoresEveryRow_BeforeEachCallReturns()
    {
        var writer = _factory.Services.GetRequiredService<AuditWriter>();
        var user = "burst-" + Guid.NewGuid().ToString("N")[..8];

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            var caller = $"{user}-{i}";
            await writer.WriteAsync(Entry(caller, "ViewQueue", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
            // Durable when the call returns: this caller's own row is readable from another context at once.
            (await _factory.QueryAsync(db => db.Audit.CountAsync(a => a.UserName == caller))).ShouldBe(1);
        })));

        var subjects = await _factory.QueryAsync(db => db.Audit.Where(a => a.UserName.StartsWith(user + "-")).Select(a => a.Subject).ToListAsync());
        subjects.Count.ShouldBe(300);
        subjects.Distinct().Count().ShouldBe(300);
    }

    [Fact]
    public async Task WriteAsync_WhenOneRowCannotBeWritten_FailsThatCallerOnly()
    {
        var writer = _factory.Services.GetRequiredService<AuditWriter>();
        var user = "mixed-" + Guid.NewGuid().ToString("N")[..8];

        var calls = Enumerable.Range(0, 40)
            .Select(i => writer.WriteAsync(Entry(user, i == 7 ? PoisonAuditRows.Action : "ViewRequest", "row " + i), CancellationToken.None))
            .ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c => { try { await c; return true; } catch (InvalidOperationException) { return false; } }));

        outcomes.Count(ok => !ok).ShouldBe(1);
        outcomes[7].ShouldBeFalse();
        (await _factory.QueryAsync(db => db.Audit.CountAsync(a => a.UserName == user))).ShouldBe(39);
    }

    private static AuditEntry Entry(string user, string action, string subject) =>
        AuditEntry.Record(DateTimeOffset.UtcNow, "u-" + user, user, action, null, subject, "done", "203.0.113.9");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    public void Dispose() => _factory.Dispose();

    /// <summary>Refuses any save holding an audit row with <see cref="Action"/>, as a failing disk or constraint would.</summary>
    private sealed class PoisonAuditRows : SaveChangesInterceptor
    {
        public const string Action = "Poison";

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.Entity.Action == Action))
                throw new InvalidOperationException("this row cannot be written");
            return ValueTask.FromResult(result);
        }
    }
}
