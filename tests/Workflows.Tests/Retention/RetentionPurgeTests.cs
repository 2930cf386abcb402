using System.Collections;
using System.Text.Json;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Retention;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Retention;

/// <summary>
/// The retention policy against a real database: what goes, what stays, when, and that a dry run changes nothing. Requests
/// are closed on Monday 2 March 2026 (the harness's first day) unless said otherwise; the default policy is 7 years.
/// </summary>
public abstract class RetentionPurgeTests : RetentionTestsBase
{
    private static readonly DateOnly ClosedOn = new(2026, 3, 2);
    private const string KeyA = "2026/0123456789abcdef0123456789abcdef";
    private const string KeyB = "2026/fedcba9876543210fedcba9876543210";

    [Fact]
    public async Task RequestClosedSevenYearsAndADayAgo_LosesItsDocumentsAndPersonalData_AndTheRunListsIt()
    {
        var zofia = await ClosedRequestAsync(Zofia(), KeyA, KeyB);
        var journalBefore = await Harness.JournalAsync(zofia.Id);
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        var run = await RunAsync();

        run.ShouldSatisfyAllConditions(
            r => r.DryRun.ShouldBeFalse(),
            r => r.RequestsReduced.ShouldBe(1),
            r => r.RequestsKeptForAccounting.ShouldBe(0),
            r => r.DocumentsRemoved.ShouldBe(2),
            r => r.ClosedBefore.ShouldBe(new DateOnly(2026, 3, 3)),
            r => r.FinishedAt.ShouldNotBeNull());
        var item = run.Items.ShouldHaveSingleItem();
        item.ShouldSatisfyAllConditions(
            i => i.TrackingNumber.ShouldBe(zofia.TrackingNumber),
            i => i.ClosedOn.ShouldBe(ClosedOn),
            i => i.Stage.ShouldBe(RetentionStage.Reduced),
            i => i.FilesToDelete.ShouldBeNull(),
            i => i.FilesDeletedAt.ShouldNotBeNull());
        Files.Deleted.ShouldBe([KeyA, KeyB], ignoreOrder: true);

        var stored = await Harness.LoadAsync(zofia.Id);
        stored.ShouldSatisfyAllConditions(
            r => r.Documents.ShouldBeEmpty(),
            r => r.RetentionStage.ShouldBe(RetentionStage.Reduced),
            r => r.PersonalDataRemovedAt.ShouldBe(Harness.Time.GetUtcNow()),
            // What the audit needs stays.
            r => r.TrackingNumber.ShouldBe(zofia.TrackingNumber),
            r => r.State.ShouldBe("Cancelled"),
            r => r.ReceivedOn.ShouldBe(ClosedOn),
            r => r.ClosedAt.ShouldBe(zofia.ClosedAt),
            r => r.Requester.Type.ShouldBe(RequesterType.Patient),
            r => r.Recipient.Type.ShouldBe(RequesterType.Patient),
            r => r.Delivery.ShouldBe(DeliveryMethod.Mail),
            r => r.Information.AllRecords.ShouldBeTrue(),
            // The personal data and what staff typed go.
            r => r.Patient.LastName.ShouldBeEmpty(),
            r => r.Patient.FirstName.ShouldBeEmpty(),
            r => r.PatientNameKey.ShouldBeEmpty(),
            r => r.Patient.DateOfBirth.ShouldBe(default),
            r => r.Patient.MedicalRecordNumber.ShouldBeNull(),
            r => r.Patient.Address.Line1.ShouldBeEmpty(),
            r => r.Patient.Email.ShouldBeNull(),
            r => r.Requester.Name.ShouldBeEmpty(),
            r => r.Recipient.Address.City.ShouldBeEmpty(),
            r => r.Information.Description.ShouldBeNull(),
            r => r.Signature.SignerIpAddress.ShouldBeNull(),
            r => r.CancellationReason.ShouldBe(RecordsRequest.RemovedText));

        var (notes, outbox, timers, journal) = await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            return (await db.Notes.CountAsync(n => n.RequestId == zofia.Id), await db.Outbox.CountAsync(o => o.RequestId == zofia.Id),
                await db.Timers.CountAsync(t => t.RequestId == zofia.Id),
                await db.Journal.AsNoTracking().Where(j => j.RequestId == zofia.Id).OrderBy(j => j.Sequence).ToListAsync());
        });
        notes.ShouldBe(0);
        outbox.ShouldBe(0, "the messages' facts go with the request's personal data");
        timers.ShouldBe(0);
        journal.Select(j => j.Trigger).ShouldBe(journalBefore.Select(j => j.Trigger), "the steps stay");
        journal.ShouldContain(j => j.Trigger == "Cancel");
        journal.ShouldAllBe(j => j.Inputs.Count == 0 && (j.Comment == null || j.Comment == RecordsRequest.RemovedText));
    }

    [Fact]
    public async Task AReducedRequest_HoldsNoneOfItsPersonalData_DecryptedOrAsStored()
    {
        var zofia = await ClosedRequestAsync(Zofia(), KeyA);
        await DiscloseAsync(zofia, Harness.Time.GetUtcNow());
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        await RunAsync();

        // Everything the request and its rows hold, decrypted, as one text.
        var text = await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var request = await db.Requests.AsNoTracking().Include(r => r.Documents).Include(r => r.Notes).Include(r => r.Payments).SingleAsync(r => r.Id == zofia.Id);
            object[] rows =
            [
                request,
                await db.Journal.AsNoTracking().Where(j => j.RequestId == zofia.Id).ToListAsync(),
                await db.Disclosures.AsNoTracking().Where(d => d.RequestId == zofia.Id).ToListAsync(),
                await db.Audit.AsNoTracking().Where(a => a.RequestId == zofia.Id).ToListAsync(),
            ];
            return JsonSerializer.Serialize(rows);
        });
        foreach (var detail in ZofiasDetails) text.ShouldNotContain(detail, Case.Sensitive);

        // And the database as a copy of it shows it (the plain columns: names, organisations, the name key).
        var cells = await Harness.InScopeAsync(sp => RawDatabase.EverythingAsync(sp.GetRequiredService<BackOfficeDbContext>()));
        foreach (var detail in ZofiasDetails.Where(d => d.Length >= 5))
            cells.Where(c => c.Value.Contains(detail, StringComparison.Ordinal)).ShouldBeEmpty($"\"{detail}\" is still stored");
    }

    [Fact]
    public async Task EveryColumnMarkedSensitive_IsEmptied_ExceptThePatientTheAccountingFindsTheRequestBy()
    {
        var full = await ClosedRequestAsync(Zofia(), KeyA);
        var kept = await ClosedRequestAsync(Zofia(), KeyB);
        SetToday(ClosedOn.AddYears(2));
        await DiscloseAsync(kept, Harness.Time.GetUtcNow());
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        await RunAsync();

        string[] forTheAccounting = ["FirstName", "MiddleName", "LastName", "DateOfBirth", "MedicalRecordNumber", "PatientNameKey"];
        var problems = await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var found = new List<string>();
            Check(db.Entry(await db.Requests.SingleAsync(r => r.Id == full.Id)), "reduced", [], found);
            Check(db.Entry(await db.Requests.SingleAsync(r => r.Id == kept.Id)), "kept for the accounting", forTheAccounting, found);
            return found;
        });

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    /// <summary>Every property marked sensitive (<see cref="SensitiveFields.Annotation"/>) of the entry and its owned values is empty,
    /// the removed-text marker, or one of <paramref name="allowed"/>.</summary>
    private static void Check(EntityEntry entry, string what, string[] allowed, List<string> problems)
    {
        foreach (var property in entry.Properties.Where(p => p.Metadata.FindAnnotation(SensitiveFields.Annotation) is not null))
        {
            if (allowed.Contains(property.Metadata.Name)) continue;
            var empty = property.CurrentValue switch
            {
                null => true,
                string text => text.Length == 0 || text == RecordsRequest.RemovedText,
                DateOnly day => day == default,
                IEnumerable list => !list.Cast<object>().Any(),
                _ => false,
            };
            if (!empty) problems.Add($"{what}: {entry.Metadata.DisplayName()}.{property.Metadata.Name} still holds {property.CurrentValue}");
        }

        foreach (var navigation in entry.Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned()))
        {
            if (navigation is ReferenceEntry { TargetEntry: { } owned }) Check(owned, what, allowed, problems);
            else if (navigation is CollectionEntry { CurrentValue: { } items })
                foreach (var item in items) Check(entry.Context.Entry(item), what, allowed, problems);
        }
    }

    [Fact]
    public async Task RequestsClosedSixYearsAgo_OrExactlySevenYearsAgo_OrStillOpen_AreKept()
    {
        var paper = new RequestDraftBuilder().With(d => d with { Signature = d.Signature with { SignedOn = ClosedOn.AddYears(-1).AddDays(-3) } }).Build();
        var open = await Harness.StartAsync(paper, ClosedOn.AddYears(-1)); // a paper form that arrived a year ago
        var exactlySeven = await ClosedRequestAsync(null, KeyA);
        SetToday(ClosedOn.AddYears(1));
        var six = await ClosedRequestAsync(null, KeyB);
        SetToday(ClosedOn.AddYears(7));

        var run = await RunAsync();

        run.Items.ShouldBeEmpty();
        run.RequestsReduced.ShouldBe(0);
        Files.Deleted.ShouldBeEmpty();
        foreach (var id in new[] { exactlySeven.Id, six.Id, open.Id })
        {
            var stored = await Harness.LoadAsync(id);
            stored.RetentionStage.ShouldBe(RetentionStage.Kept);
            stored.Patient.LastName.ShouldBe("Lopez");
        }

        (await Harness.LoadAsync(six.Id)).Documents.ShouldHaveSingleItem().StorageKey.ShouldBe(KeyB);
    }

    [Fact]
    public async Task ARequestWithADisclosureStillInTheAccounting_KeepsWhatTheAccountingNeeds_UntilTheDisclosureLeavesIt()
    {
        var zofia = await ClosedRequestAsync(Zofia(), KeyA);
        var disclosedOn = ClosedOn.AddYears(2); // e.g. a copy released again two years after the request closed
        SetToday(disclosedOn);
        var disclosure = await DiscloseAsync(zofia, Harness.Time.GetUtcNow());
        var patient = PatientIdentity.Create("Kowalczyk", "Zofia", new DateOnly(1961, 7, 19));
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        var first = await RunAsync();

        first.RequestsKeptForAccounting.ShouldBe(1);
        first.Items.ShouldHaveSingleItem().Stage.ShouldBe(RetentionStage.PatientKeptForAccounting);
        Files.Deleted.ShouldBe([KeyA]);
        var reduced = await Harness.LoadAsync(zofia.Id);
        reduced.ShouldSatisfyAllConditions(
            r => r.Documents.ShouldBeEmpty(),
            r => r.Patient.LastName.ShouldBe("Kowalczyk"),
            r => r.Patient.DateOfBirth.ShouldBe(new DateOnly(1961, 7, 19)),
            r => r.Patient.MedicalRecordNumber.ShouldBe("MRN-77120"),
            r => r.Patient.Address.Line1.ShouldBeEmpty(),
            r => r.Patient.Phone.ShouldBeNull(),
            r => r.Requester.Email.ShouldBeNull());
        var accounting = await AccountingAsync(patient);
        var entry = accounting.Entries.ShouldHaveSingleItem();
        entry.ShouldSatisfyAllConditions(
            e => e.Id.ShouldBe(disclosure.Id),
            e => e.TrackingNumber.ShouldBe(zofia.TrackingNumber),
            e => e.DisclosedOn.ShouldBe(disclosedOn),
            e => e.RecipientName.ShouldBe("Zofia Kowalczyk"),
            e => e.RecipientAddress.ShouldBe("4417 Saratoga Ave, Lisle, IL 60532"),
            e => e.Description.ShouldStartWith("all records"));
        (await AccountingAsync(PatientIdentity.Create(null, null, null, "MRN-77120"))).Entries.ShouldHaveSingleItem().Id.ShouldBe(disclosure.Id);

        SetToday(disclosedOn.AddYears(6));
        (await RunAsync()).Items.ShouldBeEmpty("a disclosure exactly six years old is still in the accounting");

        SetToday(disclosedOn.AddYears(6).AddDays(1));
        var second = await RunAsync();

        second.Items.ShouldHaveSingleItem().Stage.ShouldBe(RetentionStage.Reduced);
        var stored = await Harness.LoadAsync(zofia.Id);
        stored.RetentionStage.ShouldBe(RetentionStage.Reduced);
        stored.Patient.LastName.ShouldBeEmpty();
        stored.Patient.MedicalRecordNumber.ShouldBeNull();
        var old = (await Harness.DisclosuresAsync(zofia.Id)).ShouldHaveSingleItem();
        old.ShouldSatisfyAllConditions(
            d => d.DisclosedAt.ShouldBe(disclosure.DisclosedAt),
            d => d.Method.ShouldBe("Mail"),
            d => d.RecipientName.ShouldBeEmpty(),
            d => d.RecipientAddress.ShouldBeNull(),
            d => d.Description.ShouldBe(RecordsRequest.RemovedText));
    }

    private Task<DisclosureAccountingReport> AccountingAsync(PatientIdentity patient) =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<DisclosureAccounting>().ForPatientAsync(patient, AccountingView.All));

    [Fact]
    public async Task AnAuthorization_IsKeptUntilItsExpiryDate_IsAsOldAsThePolicy()
    {
        // Signed authorizations are kept six years from when they were last in effect (45 CFR 164.530(j)(2)).
        var attorney = await ClosedRequestAsync(new RequestDraftBuilder().ForAttorney().Build(), KeyA);
        var expires = attorney.ExpiresOn.ShouldNotBeNull();
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        (await RunAsync()).Items.ShouldBeEmpty();

        SetToday(expires.AddYears(7).AddDays(1));
        (await RunAsync()).Items.ShouldHaveSingleItem().TrackingNumber.ShouldBe(attorney.TrackingNumber);
    }

    [Fact]
    public async Task ADryRun_ListsWhatWouldGo_AndChangesNothing()
    {
        var zofia = await ClosedRequestAsync(Zofia(), KeyA, KeyB);
        var auditAt = Harness.Time.GetUtcNow();
        await AddAuditAsync(auditAt);
        SetToday(ClosedOn.AddYears(7).AddDays(1));
        var before = await Harness.LoadAsync(zofia.Id);

        var run = await RunAsync(dryRun: true);

        run.ShouldSatisfyAllConditions(
            r => r.DryRun.ShouldBeTrue(),
            r => r.RequestsReduced.ShouldBe(1),
            r => r.DocumentsRemoved.ShouldBe(2),
            r => r.AuditRowsRemoved.ShouldBe(1, "counted, not removed"));
        var item = run.Items.ShouldHaveSingleItem();
        item.TrackingNumber.ShouldBe(zofia.TrackingNumber);
        item.FilesToDelete.ShouldBeNull();
        Files.Deleted.ShouldBeEmpty();
        var after = await Harness.LoadAsync(zofia.Id);
        after.ShouldSatisfyAllConditions(
            r => r.Version.ShouldBe(before.Version),
            r => r.RetentionStage.ShouldBe(RetentionStage.Kept),
            r => r.PersonalDataRemovedAt.ShouldBeNull(),
            r => r.Patient.ShouldBe(before.Patient),
            r => r.Documents.Count.ShouldBe(2));
        var audit = await AuditAsync();
        audit.ShouldContain(a => a.At == auditAt, "the old audit row is still there");
        audit.ShouldNotContain(a => a.Action == RetentionPurge.PurgeAction);
        audit.ShouldContain(a => a.Action == RetentionPurge.DryRunAction && a.Subject == RetentionPurge.RunSubject(run.Id));
        (await RunAsync()).Items.ShouldHaveSingleItem("the real run still finds it").TrackingNumber.ShouldBe(zofia.TrackingNumber);
    }

    [Fact]
    public async Task EveryRequestReduced_IsAudited_AndTheRunToo()
    {
        var first = await ClosedRequestAsync(null, KeyA);
        var second = await ClosedRequestAsync(null, KeyB);
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        var run = await RunAsync();

        var audit = await AuditAsync();
        var purges = audit.Where(a => a.Action == RetentionPurge.PurgeAction).ToList();
        purges.Select(a => a.RequestId).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        purges.ShouldAllBe(a => a.UserId == Actor.System.Id && a.Subject == RetentionPurge.RunSubject(run.Id) && a.At == Harness.Time.GetUtcNow());
        purges[0].Outcome.ShouldBe("1 document and the personal data removed");
        var summary = audit.Where(a => a.Action == RetentionPurge.RunAction).ShouldHaveSingleItem();
        summary.RequestId.ShouldBeNull();
        summary.Outcome.ShouldBe(run.Summary());
        summary.Outcome.ShouldStartWith("removed the personal data of 2 requests");
    }

    [Fact]
    public async Task ASecondRun_FindsNothingLeftToDo()
    {
        await ClosedRequestAsync(null, KeyA);
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        (await RunAsync()).RequestsReduced.ShouldBe(1);
        var again = await RunAsync();

        again.Items.ShouldBeEmpty();
        again.DocumentsRemoved.ShouldBe(0);
        Files.Deleted.Count.ShouldBe(1);
    }

    [Fact]
    public async Task FilesThatCouldNotBeDeleted_AreKeptOnTheList_AndDeletedByTheNextRun()
    {
        var request = await ClosedRequestAsync(null, KeyA);
        SetToday(ClosedOn.AddYears(7).AddDays(1));
        Files.FailDeletes = true;

        var first = await RunAsync();

        first.Items.ShouldHaveSingleItem().FilesToDelete.ShouldBe([KeyA]);
        (await Harness.LoadAsync(request.Id)).Documents.ShouldBeEmpty("the rows go in the commit, the files after it");
        Files.Exists(KeyA).ShouldBeTrue();

        Files.FailDeletes = false;
        await RunAsync();

        Files.Exists(KeyA).ShouldBeFalse();
        var item = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Set<RetentionRunItem>().AsNoTracking().SingleAsync(i => i.RunId == first.Id));
        item.FilesToDelete.ShouldBeNull();
        item.FilesDeletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task AuditRowsOlderThanTheAuditYears_AreRemoved_AndYoungerOnesKept()
    {
        var start = Harness.Time.GetUtcNow();
        await AddAuditAsync(start);                       // 2 March 2026
        await AddAuditAsync(start.AddDays(1));            // 3 March 2026
        SetToday(ClosedOn.AddYears(7).AddDays(1));        // 3 March 2033: rows before 3 March 2026 go

        var run = await RunAsync();

        run.AuditRowsRemoved.ShouldBe(1);
        var audit = await AuditAsync();
        audit.ShouldNotContain(a => a.At == start);
        audit.ShouldContain(a => a.At == start.AddDays(1));
        audit.ShouldContain(a => a.Action == RetentionPurge.RunAction && a.Outcome!.Contains("and 1 audit rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditYears_AndYearsAfterClosure_FollowTheSettings()
    {
        Policy.AuditYears = 8;
        Policy.YearsAfterClosure = 8;
        await AddAuditAsync(Harness.Time.GetUtcNow());
        await ClosedRequestAsync(null, KeyA);
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        var run = await RunAsync();

        run.ShouldSatisfyAllConditions(r => r.AuditRowsRemoved.ShouldBe(0), r => r.Items.ShouldBeEmpty(), r => r.YearsAfterClosure.ShouldBe(8));
        SetToday(ClosedOn.AddYears(8).AddDays(1));
        (await RunAsync()).ShouldSatisfyAllConditions(r => r.AuditRowsRemoved.ShouldBe(1), r => r.RequestsReduced.ShouldBe(1));
    }

    [Fact]
    public async Task OtherStoredFiles_GoOnlyWhenEveryRequestTheyHold_IsReduced_OrInADryRunWouldBe()
    {
        var old = await ClosedRequestAsync(null, KeyA);
        SetToday(ClosedOn.AddYears(1));
        var young = await ClosedRequestAsync(null, KeyB);
        SetToday(ClosedOn.AddYears(7).AddDays(1));

        Sweep.RequestIds = [old.Id, young.Id];
        (await RunAsync(dryRun: true)).MailingBatchesRemoved.ShouldBe(0);
        Sweep.RequestIds = [old.Id];
        (await RunAsync(dryRun: true)).MailingBatchesRemoved.ShouldBe(1, "the old request would be reduced by this run");
        var run = await RunAsync();

        run.MailingBatchesRemoved.ShouldBe(1);
        Sweep.Calls.ShouldBe([(new DateOnly(2026, 3, 3), false, true), (new DateOnly(2026, 3, 3), true, true), (new DateOnly(2026, 3, 3), true, false)]);
        run.Summary().ShouldContain("1 mailing batches");
    }

    [Fact]
    public async Task ARunThatStops_KeepsWhatItDid_SaysSoInTheReport_AndTheNextRunCarriesOn()
    {
        var first = await ClosedRequestAsync(null, KeyA);
        await AddAuditAsync(Harness.Time.GetUtcNow());
        SetToday(ClosedOn.AddYears(7).AddDays(1));
        Sweep.Fail = true;

        await Should.ThrowAsync<IOException>(RunAsync());

        var stopped = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Set<RetentionRun>().AsNoTracking()
            .Include(r => r.Items).SingleAsync());
        stopped.FinishedAt.ShouldNotBeNull();
        stopped.Outcome.ShouldBe("Stopped: IOException. The requests listed were reduced; the next run carries on.");
        stopped.Items.ShouldHaveSingleItem().RequestId.ShouldBe(first.Id);
        (await Harness.LoadAsync(first.Id)).RetentionStage.ShouldBe(RetentionStage.Reduced, "its own commit stands");
        (await AuditAsync()).Count(a => a.Action == "ViewRequest").ShouldBe(1, "the audit rows were not reached");

        var next = await RunAsync();

        next.Items.ShouldBeEmpty();
        next.AuditRowsRemoved.ShouldBe(1);
    }

    private Task AddAuditAsync(DateTimeOffset at) => Harness.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BackOfficeDbContext>();
        db.Audit.Add(AuditEntry.Record(at, "clerk-1", "clerk", "ViewRequest", null, null, null, "127.0.0.1"));
        await db.SaveChangesAsync();
    });

    private Task<List<AuditEntry>> AuditAsync() =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Audit.AsNoTracking().ToListAsync());
}
