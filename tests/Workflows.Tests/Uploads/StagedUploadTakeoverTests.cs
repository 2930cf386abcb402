using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using BackOffice.Workflows.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Uploads;

/// <summary>A request sent from the online wizard takes its staged uploads over in the commit that creates it.</summary>
public abstract class StagedUploadTakeoverTests : EngineTestsBase
{
    private static readonly Guid Wizard = Guid.NewGuid();

    private static string NewKey() => "2026/" + Guid.NewGuid().ToString("N");

    private Task StageAsync(params string[] keys) => Harness.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BackOfficeDbContext>();
        foreach (var key in keys) db.StagedUploads.Add(StagedUpload.Stage(key, Wizard, "203.0.113.7", 2048, Harness.Time.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    private Task<List<string>> StagedKeysAsync() => Harness.InScopeAsync(sp =>
        sp.GetRequiredService<BackOfficeDbContext>().StagedUploads.AsNoTracking().Select(u => u.StorageKey).ToListAsync());

    private Task<int> RequestCountAsync() => Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Requests.CountAsync());

    private static RecordsRequestDraft DraftWith(params string[] keys) => new RequestDraftBuilder().Build() with
    {
        Documents = [.. keys.Select(key => new DraftDocument(DocumentKind.PhotoId, "id.jpg", "image/jpeg", 2048, key, new string('0', 64), EngineHarness.Start))],
    };

    private Task<RecordsRequest> StartAsync(RecordsRequestDraft draft, params string[] staged) => Harness.InScopeAsync(sp =>
        sp.GetRequiredService<LifecycleEngine>().StartAsync(draft, DateOnly.FromDateTime(EngineHarness.Start.UtcDateTime),
            Actor.Requester("Maria Lopez"), staged));

    [Fact]
    public async Task Start_WithStagedUploads_DeletesTheirRows_AndNoOther()
    {
        var sent = NewKey();
        var other = NewKey();
        await StageAsync(sent, other);

        var request = await StartAsync(DraftWith(sent), sent);

        (await Harness.LoadAsync(request.Id)).Documents.ShouldHaveSingleItem().StorageKey.ShouldBe(sent);
        (await StagedKeysAsync()).ShouldBe([other]);
    }

    [Fact]
    public async Task Start_WithAnUploadNoLongerStaged_SavesNothing_AndNamesIt()
    {
        var kept = NewKey();
        var replaced = NewKey();
        await StageAsync(kept);

        var missing = await Should.ThrowAsync<MissingUploadsException>(() => StartAsync(DraftWith(kept, replaced), kept, replaced));

        missing.StorageKeys.ShouldBe([replaced]);
        (await RequestCountAsync()).ShouldBe(0);
        (await StagedKeysAsync()).ShouldBe([kept], "the delete of the staged row is rolled back with the request");
    }

    [Fact]
    public async Task Start_WhenTheDatabaseFails_KeepsTheStagedRows()
    {
        var key = NewKey();
        await StageAsync(key);
        Harness.Faults.FailOnCommandContaining = "INSERT INTO \"Outbox\"";

        await Should.ThrowAsync<DbUpdateException>(() => StartAsync(DraftWith(key), key));
        Harness.Faults.FailOnCommandContaining = null;

        (await RequestCountAsync()).ShouldBe(0);
        (await StagedKeysAsync()).ShouldBe([key]);
    }
}
