using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Disclosures;

/// <summary>
/// One app on a fresh SQLite database for the accounting tests. Each test makes its own patient (a unique last
/// name), so tests sharing the app do not see each other's disclosures.
/// </summary>
public sealed class DisclosuresApp : IAsyncLifetime
{
    public const string Path = "/Staff/Disclosures";
    public static readonly DateOnly Born = new(1980, 4, 15);

    public BackOfficeFactory Factory { get; private set; } = null!;

    public DateOnly Today => Factory.Services.GetRequiredService<DepartmentClock>().Today;

    public Task InitializeAsync()
    {
        Factory = new BackOfficeFactory();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();

    public static string NewLastName() => "Lopez" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A request for the patient's own records (exempt from the accounting) released by mail <paramref name="daysAgo"/> days ago.</summary>
    public async Task<RecordsRequest> ReleasedToThePatientAsync(string lastName, int daysAgo)
    {
        var draft = RequestScenarios.PatientDraft(birthDate: Born);
        var request = await Factory.StartAsync(draft with { Patient = draft.Patient with { LastName = lastName } });
        await Factory.QueryAsync(async db =>
        {
            db.Disclosures.Add(Disclosure.For(request, "Mail", DateTimeOffset.UtcNow.AddDays(-daysAgo)));
            return await db.SaveChangesAsync();
        });
        return request;
    }

    /// <summary>Disclosures without authorization recorded as the record page does, one per change.</summary>
    public async Task RecordAsync(string lastName, params Func<AccountableDisclosureDraft, AccountableDisclosureDraft>[] changes)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<DisclosureRecorder>();
        foreach (var change in changes) await recorder.RecordAsync(change(Draft(lastName, Today.AddDays(-1))));
    }

    public static AccountableDisclosureDraft Draft(string lastName, DateOnly on) => new()
    {
        LastName = lastName,
        FirstName = "Maria",
        DateOfBirth = Born,
        DisclosedOn = on,
        RecipientName = "DuPage County Health Department",
        RecipientAddress = "111 N County Farm Rd, Wheaton, IL 60187",
        Description = "Positive pertussis culture",
        LegalBasis = "PublicHealth",
        PurposeDetail = "reportable disease report",
        Method = "Fax",
    };

    /// <summary>The search form's fields for the patient (name and date of birth).</summary>
    public static List<KeyValuePair<string, string>> Search(string lastName, string view = "Required") =>
    [
        new("LastName", lastName), new("FirstName", "Maria"), new("DateOfBirth", "1980-04-15"), new("Mrn", ""), new("View", view),
    ];

    public Task<List<AuditEntry>> AuditAsync(string action) =>
        Factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
