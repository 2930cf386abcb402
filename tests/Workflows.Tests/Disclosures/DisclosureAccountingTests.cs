using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Disclosures;

/// <summary>
/// The accounting of disclosures against a real database: the right patient's rows only, the six-year window, the
/// two views. Today is <see cref="EngineHarness.Start"/> (Monday 2 March 2026, 9 am in Chicago), so the window opens
/// at midnight Chicago time on 2 March 2020.
/// </summary>
public abstract class DisclosureAccountingTests : EngineTestsBase
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly MariaBorn = new(1980, 4, 12);
    private static readonly DateTimeOffset WindowOpens = new(2020, 3, 2, 6, 0, 0, TimeSpan.Zero); // midnight CST

    private Task<RecordsRequest> StartAsync(string last, string first, DateOnly dob, string? mrn = null, bool attorney = false)
    {
        var draft = new RequestDraftBuilder();
        if (attorney) draft.ForAttorney();
        draft.With(d => d with { Patient = d.Patient with { LastName = last, FirstName = first, DateOfBirth = dob, MedicalRecordNumber = mrn } });
        return Harness.StartAsync(draft.Build(), Today);
    }

    /// <summary>A release through the request at <paramref name="at"/>, as the lifecycle logs one.</summary>
    private Task<Disclosure> DiscloseAsync(RecordsRequest request, DateTimeOffset at, string method = "Mail") =>
        SaveAsync(Disclosure.For(request, method, at));

    private Task<Disclosure> RecordAsync(string last, string first, DateOnly dob, DateOnly on, string? mrn = null,
        string recipient = "Illinois Department of Public Health") =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<DisclosureRecorder>().RecordAsync(Draft(last, first, dob, on, mrn, recipient)));

    private async Task<Disclosure> SaveAsync(Disclosure disclosure)
    {
        await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            db.Disclosures.Add(disclosure);
            await db.SaveChangesAsync();
        });
        return disclosure;
    }

    private Task<DisclosureAccountingReport> AccountingAsync(PatientIdentity patient, AccountingView view = AccountingView.All) =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<DisclosureAccounting>().ForPatientAsync(patient, view));

    private static PatientIdentity Maria(string last = "Lopez", string first = "Maria", string? mrn = null) =>
        PatientIdentity.Create(last, first, MariaBorn, mrn);

    internal static AccountableDisclosureDraft Draft(string last, string first, DateOnly dob, DateOnly on, string? mrn = null,
        string recipient = "Illinois Department of Public Health") => new()
        {
            LastName = last,
            FirstName = first,
            DateOfBirth = dob,
            MedicalRecordNumber = mrn,
            DisclosedOn = on,
            RecipientName = recipient,
            RecipientAddress = "535 W Jefferson St, Springfield, IL 62761",
            Description = "Positive tuberculosis test result of 02/20/2026",
            LegalBasis = "PublicHealth",
            PurposeDetail = "reportable disease report",
            Method = "Fax",
        };

    [Fact]
    public async Task Accounting_ReturnsOnlyThePatientsDisclosures_MatchingNameCaseInsensitively()
    {
        var maria = await StartAsync("Lopez", "Maria", MariaBorn, attorney: true);
        var mine = await DiscloseAsync(maria, Harness.Time.GetUtcNow().AddDays(-10));
        var recorded = await RecordAsync("Lopez", "Maria", MariaBorn, Today.AddDays(-3));
        var namesake = await StartAsync("Lopez", "Maria", new DateOnly(1990, 1, 1), attorney: true);
        await DiscloseAsync(namesake, Harness.Time.GetUtcNow().AddDays(-5));
        await RecordAsync("Lopez", "Maria", new DateOnly(1990, 1, 1), Today.AddDays(-2));
        var other = await StartAsync("Smith", "John", MariaBorn);
        await DiscloseAsync(other, Harness.Time.GetUtcNow().AddDays(-1));

        var report = await AccountingAsync(Maria(last: "  LOPEZ ", first: "maria"));

        report.Entries.Select(e => e.Id).ShouldBe([recorded.Id, mine.Id]);
        report.PatientName.ShouldBe("Maria Lopez");
        report.PatientDateOfBirth.ShouldBe(MariaBorn);
    }

    [Fact]
    public async Task Accounting_ByMrn_FindsRowsWithThatMrn_AndWithANameAlso_TheRowsThatCarryNoMrn()
    {
        var withMrn = await StartAsync("Lopez", "Maria", MariaBorn, mrn: "MRN-100");
        var byMrn = await DiscloseAsync(withMrn, Harness.Time.GetUtcNow().AddDays(-4));
        var withoutMrn = await StartAsync("Lopez", "Maria", MariaBorn);
        var byName = await DiscloseAsync(withoutMrn, Harness.Time.GetUtcNow().AddDays(-3));
        var recorded = await RecordAsync("Lopez", "Maria", MariaBorn, Today.AddDays(-2), mrn: "MRN-100");
        var otherMrn = await StartAsync("Lopez", "Maria", MariaBorn, mrn: "MRN-200");
        await DiscloseAsync(otherMrn, Harness.Time.GetUtcNow().AddDays(-1));

        var mrnOnly = await AccountingAsync(PatientIdentity.Create(null, null, null, " MRN-100 "));
        var mrnAndName = await AccountingAsync(Maria(mrn: "MRN-100"));

        mrnOnly.Entries.Select(e => e.Id).ShouldBe([recorded.Id, byMrn.Id]);
        mrnOnly.PatientName.ShouldBe("Maria Lopez");
        mrnAndName.Entries.Select(e => e.Id).ShouldBe([recorded.Id, byName.Id, byMrn.Id]);
    }

    [Fact]
    public async Task Accounting_CoversSixYears_FromTheStartOfTheSameDay_InChicago()
    {
        var request = await StartAsync("Lopez", "Maria", MariaBorn);
        var now = Harness.Time.GetUtcNow();
        var exactlySixYears = await DiscloseAsync(request, now.AddYears(-6));
        var firstMinuteOfTheDay = await DiscloseAsync(request, WindowOpens);
        await DiscloseAsync(request, WindowOpens.AddSeconds(-1)); // 11:59:59 pm on 1 March 2020 in Chicago
        await DiscloseAsync(request, now.AddYears(-6).AddDays(-1));
        var recordedOnTheFirstDay = await RecordAsync("Lopez", "Maria", MariaBorn, Today.AddYears(-6));
        await RecordAsync("Lopez", "Maria", MariaBorn, Today.AddYears(-6).AddDays(-1));

        var report = await AccountingAsync(Maria());

        report.Entries.Select(e => e.Id).ShouldBe([exactlySixYears.Id, recordedOnTheFirstDay.Id, firstMinuteOfTheDay.Id], ignoreOrder: true);
        report.From.ShouldBe(new DateOnly(2020, 3, 2));
        report.To.ShouldBe(Today);
        report.Entries.ShouldAllBe(e => e.DisclosedOn == new DateOnly(2020, 3, 2));
    }

    [Fact]
    public async Task RequiredView_ShowsOnlyDisclosuresWithoutAuthorization_AndCountsTheExemptOnes_NewestFirst()
    {
        var own = await StartAsync("Lopez", "Maria", MariaBorn);
        var released = await DiscloseAsync(own, Harness.Time.GetUtcNow().AddDays(-30), "Pickup");
        var court = await RecordAsync("Lopez", "Maria", MariaBorn, Today.AddDays(-20), recipient: "Circuit Court of DuPage County");
        var health = await RecordAsync("Lopez", "Maria", MariaBorn, Today.AddDays(-5));

        var required = await AccountingAsync(Maria(), AccountingView.Required);
        var all = await AccountingAsync(Maria(), AccountingView.All);

        required.Entries.Select(e => e.Id).ShouldBe([health.Id, court.Id]);
        required.ShouldSatisfyAllConditions(r => r.RequiredCount.ShouldBe(2), r => r.ExemptCount.ShouldBe(1), r => r.HiddenCount.ShouldBe(1));
        all.Entries.Select(e => e.Id).ShouldBe([health.Id, court.Id, released.Id]);
        all.HiddenCount.ShouldBe(0);
        all.Entries.ShouldAllBe(e => e.DisclosedOn <= Today);
    }

    [Fact]
    public async Task Entries_CarryWhatTheAccountingNeeds_AndTheTrackingNumber_WhenFromARequest()
    {
        var request = await StartAsync("Lopez", "Maria", MariaBorn, attorney: true);
        await DiscloseAsync(request, Harness.Time.GetUtcNow().AddDays(-2));
        await RecordAsync("Lopez", "Maria", MariaBorn, Today.AddDays(-1));

        var report = await AccountingAsync(Maria());

        var recorded = report.Entries[0];
        recorded.ShouldSatisfyAllConditions(
            e => e.DisclosedOn.ShouldBe(Today.AddDays(-1)),
            e => e.RecipientName.ShouldBe("Illinois Department of Public Health"),
            e => e.RecipientAddress.ShouldBe("535 W Jefferson St, Springfield, IL 62761"),
            e => e.Description.ShouldBe("Positive tuberculosis test result of 02/20/2026"),
            e => e.Purpose.ShouldBe("Public health reporting (164.512(b)): reportable disease report"),
            e => e.Method.ShouldBe("Fax"),
            e => e.TrackingNumber.ShouldBeNull(),
            e => e.RequiredInAccounting.ShouldBeTrue());
        var released = report.Entries[1];
        released.ShouldSatisfyAllConditions(
            e => e.RecipientName.ShouldBe("Sam Reed, Reed Law LLC"),
            e => e.RecipientAddress.ShouldBe("100 Main St, Downers Grove, IL 60515"),
            e => e.Method.ShouldBe("Mail"),
            e => e.TrackingNumber.ShouldBe(request.TrackingNumber),
            e => e.RequestId.ShouldBe(request.Id),
            e => e.RequiredInAccounting.ShouldBeFalse());
    }

    [Fact]
    public async Task RecordedDisclosure_IsStoredWithoutARequest_WithThePatientsIdentity_AtTheStartOfTheDay()
    {
        var recorded = await RecordAsync(" Lopez ", "Maria", MariaBorn, Today.AddDays(-1), mrn: "MRN-7");

        var stored = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Disclosures.AsNoTracking()
            .SingleAsync(d => d.Id == recorded.Id));

        stored.ShouldSatisfyAllConditions(
            d => d.RequestId.ShouldBeNull(),
            d => d.RequiredInAccounting.ShouldBeTrue(),
            d => d.LegalBasis.ShouldBe("PublicHealth"),
            d => d.PatientLastName.ShouldBe("Lopez"),
            d => d.PatientNameKey.ShouldBe("LOPEZ MARIA"),
            d => d.PatientDateOfBirth.ShouldBe(MariaBorn),
            d => d.PatientMedicalRecordNumber.ShouldBe("MRN-7"),
            d => d.DisclosedAt.ShouldBe(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Recorder_RefusesAnInvalidDraft_AndStoresNothing()
    {
        var draft = Draft("Lopez", "Maria", MariaBorn, Today.AddDays(1));

        var refused = await Should.ThrowAsync<DomainException>(() =>
            Harness.InScopeAsync(sp => sp.GetRequiredService<DisclosureRecorder>().RecordAsync(draft)));

        refused.Field.ShouldBe("DisclosedOn");
        (await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Disclosures.CountAsync())).ShouldBe(0);
    }
}
