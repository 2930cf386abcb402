using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Retention;
using BackOffice.Workflows.Tests.Support;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Retention;

/// <summary>
/// The Workflows services over a fresh real database (SQLite or PostgreSQL), with fake time, fake document files and the
/// shipped lifecycle: requests are closed through the lifecycle (which stamps the closing time), then time moves on.
/// The harness starts on Monday 2 March 2026, 9 am in Chicago.
/// </summary>
public abstract class RetentionTestsBase : IAsyncLifetime
{
    private EngineHarness? _harness;

    protected EngineHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    protected FakeDocumentFiles Files { get; } = new();

    protected FakeFileSweep Sweep { get; } = new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() =>
        _harness = await EngineHarness.CreateAsync(await CreateDatabaseAsync(), configure: services =>
        {
            services.AddSingleton<IStoredDocumentFiles>(Files);
            services.AddSingleton<IRetentionFileSweep>(Sweep);
        });

    public async Task DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }

    /// <summary>Sets the department's clock to 9 am (Chicago) on <paramref name="day"/>.</summary>
    protected void SetToday(DateOnly day) =>
        Harness.Time.SetUtcNow(Harness.Services.GetRequiredService<DepartmentClock>().FromLocal(day.ToDateTime(new TimeOnly(9, 0))).ToUniversalTime());

    protected Task<RetentionRun> RunAsync(bool dryRun = false) =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<RetentionPurge>().RunAsync(dryRun, Actor.System));

    protected RetentionOptions Policy => Harness.Services.GetRequiredService<WorkflowsOptions>().Retention;

    /// <summary>A request sent online today (by its signer), with documents and a note, then cancelled today (closed).</summary>
    protected async Task<RecordsRequest> ClosedRequestAsync(RecordsRequestDraft? draft = null, params string[] documentKeys)
    {
        draft ??= new RequestDraftBuilder().Build();
        var request = await Harness.InScopeAsync(sp => sp.GetRequiredService<LifecycleEngine>().StartAsync(draft,
            sp.GetRequiredService<DepartmentClock>().Today, Actor.Requester(draft.Signature.SignerName)));
        await AddDocumentsAndNoteAsync(request.Id, documentKeys);
        await Harness.FireAsync(request.Id, "Cancel", Support.Staff.Clerk,
            TriggerArgs.Of(("reason", "The patient moved to Ohio for cancer treatment")).WithComment("Spoke to her daughter Ana"));
        return await Harness.LoadAsync(request.Id);
    }

    protected Task AddDocumentsAndNoteAsync(Guid requestId, IReadOnlyList<string> keys) => Harness.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BackOfficeDbContext>();
        var request = await db.Requests.Include(r => r.Documents).Include(r => r.Notes).FirstAsync(r => r.Id == requestId);
        foreach (var key in keys)
        {
            Files.Store(key);
            db.Add(request.AddDocument(DocumentKind.PhotoId, "Kowalczyk driving licence.jpg", "image/jpeg", 2048, key, new string('0', 64),
                Harness.Time.GetUtcNow()));
        }

        db.Add(request.AddNote("clerk-1", "Her oncologist asked for the records too", Harness.Time.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    /// <summary>A release through the request, as the lifecycle logs one, at <paramref name="at"/>.</summary>
    protected Task<Disclosure> DiscloseAsync(RecordsRequest request, DateTimeOffset at) => Harness.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BackOfficeDbContext>();
        var disclosure = Disclosure.For(request, "Mail", at);
        db.Disclosures.Add(disclosure);
        await db.SaveChangesAsync();
        return disclosure;
    });

    protected static RecordsRequestDraft Zofia() => new RequestDraftBuilder().With(d => d with
    {
        Patient = d.Patient with
        {
            FirstName = "Zofia", MiddleName = "Anna", LastName = "Kowalczyk", DateOfBirth = new DateOnly(1961, 7, 19), MedicalRecordNumber = "MRN-77120",
            FormerNames = "Zofia Nowak", Phone = "630-555-0177", Email = "zofia.k@example.org", PrimaryCareProvider = "Dr. Helen Brandt",
            Address = new PostalAddress { Line1 = "4417 Saratoga Ave", City = "Lisle", State = "IL", PostalCode = "60532" },
        },
        Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Zofia Kowalczyk", Email = "zofia.k@example.org", Phone = "630-555-0177" },
        Recipient = new RecipientDetails
        {
            Type = RequesterType.Patient, Name = "Zofia Kowalczyk", Email = "zofia.k@example.org",
            Address = new PostalAddress { Line1 = "4417 Saratoga Ave", City = "Lisle", State = "IL", PostalCode = "60532" },
        },
        Information = new RequestedInformation { AllRecords = true, Description = "Oncology notes since her 2019 diagnosis" },
        Signature = d.Signature with { SignerName = "Zofia Kowalczyk", ElectronicSignature = "Zofia Kowalczyk" },
    }).Build();

    /// <summary>What Zofia's request held that the policy must not keep once the request is reduced (plain or decrypted).</summary>
    protected static readonly string[] ZofiasDetails =
    [
        "Zofia", "Kowalczyk", "KOWALCZYK", "Saratoga", "Lisle", "60532", "630-555-0177", "zofia.k@example.org", "Nowak", "Brandt",
        "Oncology", "moved to Ohio", "daughter Ana", "oncologist", "driving licence", "203.0.113.7", "MRN-77120",
    ];
}
