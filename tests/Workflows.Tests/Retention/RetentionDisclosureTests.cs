using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Disclosures;
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
/// The retention policy for disclosures recorded without a request (public-health reports, court orders…), which carry the
/// patient's identity themselves: reduced once older than both the accounting of disclosures (six years) and the policy's
/// years (7 by default), never before, once only, and only counted by a dry run. The harness starts on Monday 2 March 2026.
/// </summary>
public abstract class RetentionDisclosureTests : RetentionTestsBase
{
    private static readonly DateOnly First = new(2026, 3, 2);
    /// <summary>Seven years and a day on: the policy's cut-off is 3 March 2026, the accounting's 3 March 2027.</summary>
    private static readonly DateOnly SevenYearsAndADayOn = First.AddYears(7).AddDays(1);
    private static readonly DateOnly ZofiaBorn = new(1961, 7, 19);
    private const string Recipient = "Illinois Department of Public Health";

    [Fact]
    public async Task ADisclosureWithoutARequest_OlderThanBothCutoffs_LosesThePatientRecipientDescriptionAndPurpose_AndKeepsTheFact()
    {
        var recorded = await RecordAsync(First);
        SetToday(SevenYearsAndADayOn);

        var run = await RunAsync();

        run.DisclosuresReduced.ShouldBe(1);
        run.Summary().ShouldContain("and of 1 disclosures recorded without a request");
        var (stored, hashes) = await StoredAsync(recorded.Id);
        stored.ShouldSatisfyAllConditions(
            d => d.PatientLastName.ShouldBeNull(),
            d => d.PatientFirstName.ShouldBeNull(),
            d => d.PatientDateOfBirth.ShouldBeNull(),
            d => d.PatientMedicalRecordNumber.ShouldBeNull(),
            d => d.PatientNameKey.ShouldBeNull(),
            d => d.RecipientName.ShouldBeEmpty(),
            d => d.RecipientAddress.ShouldBeNull(),
            d => d.Description.ShouldBe(RecordsRequest.RemovedText),
            d => d.Purpose.ShouldBe(RecordsRequest.RemovedText),
            // The fact of the disclosure stays.
            d => d.RequestId.ShouldBeNull(),
            d => d.DisclosedAt.ShouldBe(recorded.DisclosedAt),
            d => d.Method.ShouldBe("Fax"),
            d => d.LegalBasis.ShouldBe("PublicHealth"),
            d => d.RequiredInAccounting.ShouldBeTrue());
        hashes.ShouldAllBe(h => h == null, "the date of birth and MRN search hashes go with the values");
    }

    [Fact]
    public async Task AReducedDisclosure_IsNotFoundByNameDateOfBirthOrMrn_AndNoColumnMarkedSensitiveHoldsAnything()
    {
        var recorded = await RecordAsync(First);
        SetToday(SevenYearsAndADayOn);

        await RunAsync();

        var (byName, byDateOfBirth, byMrn, problems) = await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var key = PatientIdentity.Create("Kowalczyk", "Zofia", ZofiaBorn).NameKey;
            // As the accounting of disclosures finds a patient: the name key, and the keyed hashes of date of birth and MRN.
            var dob = HashMatch.Any<Disclosure>(d => EF.Property<string?>(d, SensitiveFields.DisclosureDateOfBirthHash),
                db.Fields.SearchHashes(ZofiaBorn, SensitiveFields.DateOfBirthPurpose));
            var mrn = HashMatch.Any<Disclosure>(d => EF.Property<string?>(d, SensitiveFields.DisclosureMedicalRecordNumberHash),
                db.Fields.SearchHashes("MRN-77120", SensitiveFields.MedicalRecordNumberPurpose));
            var found = new List<string>();
            var entry = db.Entry(await db.Disclosures.SingleAsync(d => d.Id == recorded.Id));
            foreach (var property in entry.Properties.Where(p => p.Metadata.FindAnnotation(SensitiveFields.Annotation) is not null
                || p.Metadata.FindAnnotation(SensitiveFields.SearchHashAnnotation) is not null))
            {
                if (property.CurrentValue is not (null or "" or RecordsRequest.RemovedText))
                    found.Add($"{property.Metadata.Name} still holds {property.CurrentValue}");
            }

            return (await db.Disclosures.CountAsync(d => d.PatientNameKey == key),
                await db.Disclosures.CountAsync(dob),
                await db.Disclosures.CountAsync(mrn),
                found);
        });

        byName.ShouldBe(0);
        byDateOfBirth.ShouldBe(0);
        byMrn.ShouldBe(0);
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
        var cells = await Harness.InScopeAsync(sp => RawDatabase.EverythingAsync(sp.GetRequiredService<BackOfficeDbContext>()));
        foreach (var detail in new[] { "Kowalczyk", "KOWALCZYK", "Zofia", "Illinois Department", "Springfield", "tuberculosis", "MRN-77120" })
            cells.Where(c => c.Value.Contains(detail, StringComparison.Ordinal)).ShouldBeEmpty($"\"{detail}\" is still stored");
    }

    [Fact]
    public async Task ADisclosureWithoutARequest_StillInTheAccounting_OrYoungerThanThePolicysYears_IsKeptWhole()
    {
        var throughARequest = await Harness.StartAsync(Zofia(), First);
        var released = await DiscloseAsync(throughARequest, Harness.Time.GetUtcNow());
        SetToday(new DateOnly(2026, 6, 1));
        var youngerThanSeven = await RecordAsync(new DateOnly(2026, 6, 1)); // older than six years on the run's day, not seven
        await Harness.FireAsync(throughARequest.Id, "Cancel", Support.Staff.Clerk, TriggerArgs.Of(("reason", "Withdrawn by the patient")));
        SetToday(First.AddYears(1).AddDays(1));
        var exactlySix = await RecordAsync(First.AddYears(1).AddDays(1)); // 3 March 2027: the first day of the accounting
        SetToday(SevenYearsAndADayOn);

        var run = await RunAsync();

        run.DisclosuresReduced.ShouldBe(0);
        foreach (var id in new[] { youngerThanSeven.Id, exactlySix.Id })
        {
            var (stored, _) = await StoredAsync(id);
            stored.ShouldSatisfyAllConditions(
                d => d.PatientLastName.ShouldBe("Kowalczyk"),
                d => d.PatientDateOfBirth.ShouldBe(ZofiaBorn),
                d => d.PatientMedicalRecordNumber.ShouldBe("MRN-77120"),
                d => d.RecipientName.ShouldBe(Recipient),
                d => d.Description.ShouldBe("Positive tuberculosis test result"));
        }

        (await Harness.DisclosuresAsync(throughARequest.Id)).ShouldHaveSingleItem().RecipientName.ShouldBe(released.RecipientName,
            "a disclosure through a request goes with its request, which closed less than seven years ago");
        var accounting = await Harness.InScopeAsync(sp => sp.GetRequiredService<DisclosureAccounting>()
            .ForPatientAsync(PatientIdentity.Create("Kowalczyk", "Zofia", ZofiaBorn), AccountingView.All));
        accounting.Entries.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Id.ShouldBe(exactlySix.Id), e => e.RecipientName.ShouldBe(Recipient), e => e.Purpose.ShouldContain("reportable disease"));

        // Three months on, the one of 1 June 2026 is seven years old too; the one of 3 March 2027 is out of the accounting
        // but younger than seven years, and stays.
        SetToday(new DateOnly(2033, 6, 2));
        (await RunAsync()).DisclosuresReduced.ShouldBe(1);
        (await StoredAsync(youngerThanSeven.Id)).Disclosure.PatientLastName.ShouldBeNull();
        (await StoredAsync(exactlySix.Id)).Disclosure.PatientLastName.ShouldBe("Kowalczyk");
    }

    [Fact]
    public async Task ADryRun_CountsTheDisclosuresWithoutARequestDue_AndChangesNothing()
    {
        var recorded = await RecordAsync(First);
        SetToday(SevenYearsAndADayOn);

        var dry = await RunAsync(dryRun: true);

        dry.ShouldSatisfyAllConditions(r => r.DryRun.ShouldBeTrue(), r => r.DisclosuresReduced.ShouldBe(1));
        dry.Summary().ShouldContain("would remove the personal data of 0 requests (0 keeping the patient for the accounting of disclosures) and of 1 disclosures");
        var (stored, hashes) = await StoredAsync(recorded.Id);
        stored.ShouldSatisfyAllConditions(
            d => d.PatientLastName.ShouldBe("Kowalczyk"),
            d => d.PatientNameKey.ShouldBe("KOWALCZYK ZOFIA"),
            d => d.PatientMedicalRecordNumber.ShouldBe("MRN-77120"),
            d => d.RecipientName.ShouldBe(Recipient),
            d => d.Description.ShouldBe("Positive tuberculosis test result"));
        hashes.ShouldAllBe(h => h != null);
        (await AuditAsync()).ShouldNotContain(a => a.Action == RetentionPurge.PurgeAction);

        (await RunAsync()).DisclosuresReduced.ShouldBe(1, "the real run still finds it");
    }

    [Fact]
    public async Task EachDisclosureReduced_HasItsAuditRow_NamingItAndTheRun_AndASecondRunLeavesItAlone()
    {
        var recorded = await RecordAsync(First);
        SetToday(SevenYearsAndADayOn);

        var first = await RunAsync();
        var (afterFirst, _) = await StoredAsync(recorded.Id);
        Harness.Time.Advance(TimeSpan.FromDays(1));
        var second = await RunAsync();

        second.DisclosuresReduced.ShouldBe(0);
        second.Summary().ShouldContain("and of 0 disclosures recorded without a request");
        var purge = (await AuditAsync()).Where(a => a.Action == RetentionPurge.PurgeAction).ShouldHaveSingleItem();
        purge.ShouldSatisfyAllConditions(
            a => a.RequestId.ShouldBeNull(),
            a => a.Subject.ShouldBe(RetentionPurge.RunSubject(first.Id)),
            a => a.UserId.ShouldBe(Actor.System.Id),
            a => a.Outcome.ShouldNotBeNull().ShouldStartWith($"disclosure:{recorded.Id} (recorded without a request, disclosed 2026-03-02)"),
            a => a.Outcome.ShouldNotBeNull().ShouldNotContain("Kowalczyk"));
        var (afterSecond, _) = await StoredAsync(recorded.Id);
        afterSecond.ShouldBeEquivalentTo(afterFirst);
    }

    [Fact]
    public async Task MoreDisclosuresThanABatch_AreAllReduced_InOneRun_EachAudited()
    {
        var count = RetentionPurge.BatchSize + 1;
        await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var clock = sp.GetRequiredService<DepartmentClock>();
            for (var i = 0; i < count; i++) db.Disclosures.Add(Disclosure.WithoutAuthorization(Draft(First.AddDays(-i)), clock));
            await db.SaveChangesAsync();
        });
        SetToday(SevenYearsAndADayOn);

        var run = await RunAsync();

        run.DisclosuresReduced.ShouldBe(count);
        (await AuditAsync()).Count(a => a.Action == RetentionPurge.PurgeAction).ShouldBe(count);
        (await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Disclosures.CountAsync(d => d.PatientNameKey != null)))
            .ShouldBe(0);
    }

    private Task<Disclosure> RecordAsync(DateOnly on) =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<DisclosureRecorder>().RecordAsync(Draft(on)));

    private static AccountableDisclosureDraft Draft(DateOnly on) => new()
    {
        LastName = "Kowalczyk",
        FirstName = "Zofia",
        DateOfBirth = ZofiaBorn,
        MedicalRecordNumber = "MRN-77120",
        DisclosedOn = on,
        RecipientName = Recipient,
        RecipientAddress = "535 W Jefferson St, Springfield, IL 62761",
        Description = "Positive tuberculosis test result",
        LegalBasis = "PublicHealth",
        PurposeDetail = "reportable disease report",
        Method = "Fax",
    };

    /// <summary>The disclosure as stored (decrypted) and its date-of-birth and MRN search hashes.</summary>
    private Task<(Disclosure Disclosure, string?[] Hashes)> StoredAsync(Guid id) => Harness.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BackOfficeDbContext>();
        var disclosure = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == id);
        var hashes = await db.Disclosures.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new[] { EF.Property<string?>(d, SensitiveFields.DisclosureDateOfBirthHash),
                EF.Property<string?>(d, SensitiveFields.DisclosureMedicalRecordNumberHash) })
            .SingleAsync();
        return (disclosure, hashes);
    });

    private Task<List<AuditEntry>> AuditAsync() =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Audit.AsNoTracking().ToListAsync());
}
