using System.Data.Common;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Queue;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Disclosures;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Persistence;

/// <summary>
/// The encrypted columns on a real database, read back with plain SQL: what is encrypted is nowhere in clear, names stay
/// plain by decision, the searches still find by date of birth and MRN, a wrong key stops start-up, a rotation keeps
/// everything readable, and rows stored before encryption are encrypted at start-up.
/// </summary>
public abstract class EncryptedFieldsTests : IAsyncLifetime
{
    private static readonly DateOnly Born = new(1980, 4, 12);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private TestDatabase? _database;

    /// <summary>Every value below is encrypted; none may show in any cell of any table.</summary>
    private static readonly string[] Secrets =
    [
        "1980-04-12", "MRN-4242-X", "312-555-0142", "m.lopez.secret@example.org", "Kowalczyk", "Ravenswood", "Apt 7Q", "Evanstonia",
        "60299-4242", "773-555-0199", "req.secret@example.org", "Guardianship order", "recipient.secret@example.org", "Wheatonia",
        "312-555-0177", "Dr. Primary Secret", "630-555-0161", "630-555-0162",
        "203.0.113.142", "HIV test results", "Disability claim", "claim settles", "moved to Tucson", "psychiatric records",
        "Tuberculosis", "county TB report", "Health Dept Plaza", "hiv-results.pdf", "?search=", "outcome-secret",
    ];

    private static readonly string[] LegacySecrets =
        ["1980-04-12", "MRN-4242-X", "312-555-0142", "Ravenswood", "Proof of guardianship", "Tuberculosis", "psychiatric"];

    private static readonly string[] TypedDates = ["04/12/1980", "1980-04-12"];

    private static readonly string[] MissingAsArray = ["Proof of guardianship"];

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    private Task<EngineHarness> StartAsync(FieldEncryption? fields = null) =>
        EngineHarness.CreateAsync(new KeepAlive(_database!), configure: fields is null ? null : s => s.AddSingleton(fields));

    [Fact]
    public async Task WhatIsEncrypted_IsNowhereInPlainText_NamesStayPlain_AndEverythingReadsBack()
    {
        await using var app = await StartAsync();
        var (request, disclosure) = await FillAsync(app);

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var cells = await RawDatabase.EverythingAsync(db);
            foreach (var secret in Secrets)
                cells.Where(c => c.Value.Contains(secret, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"'{secret}' is stored in clear");

            // Every encrypted column holds only values under the current key; the test data fills all but a few.
            var empty = new List<string>();
            foreach (var (table, column) in RawDatabase.EncryptedColumns(db))
            {
                var values = (await RawDatabase.QueryAsync(db, $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL"))
                    .Select(r => r.Values.Single()!).ToList();
                values.ShouldAllBe(v => v.StartsWith(db.Fields.CurrentPrefix), $"{table}.{column}");
                if (values.Count == 0) empty.Add($"{table}.{column}");
            }

            empty.Order().ShouldBe(["Requests.DenialBasis", "Requests.ExtensionReason",
                "Requests.FeeWaivedReason", "Requests.Patient_DateOfDeath", "Requests.PickupArrangedWith", "Requests.Recipient_Address_Line2"]);
            // Names are kept plain, by decision: the queue's name-prefix search needs them (README).
            var row = (await RawDatabase.QueryAsync(db,
                $"SELECT \"PatientNameKey\", \"Patient_LastName\" FROM \"Requests\" WHERE \"TrackingNumber\" = '{request.TrackingNumber}'")).Single();
            row["PatientNameKey"].ShouldBe("LOPEZ MARIA");
            row["Patient_LastName"].ShouldBe("Lopez");
        });

        var loaded = await app.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Requests.AsNoTracking()
            .Include(r => r.Notes).Include(r => r.Documents).SingleAsync(r => r.Id == request.Id));
        loaded.Patient.ShouldBe(request.Patient);
        loaded.Requester.ShouldBe(request.Requester);
        loaded.Recipient.ShouldBe(request.Recipient);
        loaded.Signature.SignerIpAddress.ShouldBe("203.0.113.142");
        loaded.Information.Description.ShouldBe("HIV test results, 2019");
        loaded.PurposeDetail.ShouldBe("Disability claim");
        loaded.CancellationReason.ShouldBe("Patient moved to Tucson");
        loaded.Notes.ShouldHaveSingleItem().Text.ShouldBe("Called the daughter about psychiatric records");
        loaded.Documents.ShouldHaveSingleItem().FileName.ShouldBe("hiv-results.pdf");
        var journal = await app.JournalAsync(request.Id);
        journal[^1].Comment.ShouldBe("Patient moved to Tucson");
        (await app.OutboxAsync(request.Id)).Where(o => o.Facts is not null).ShouldNotBeEmpty();
        (await app.OutboxAsync(request.Id)).Select(o => o.ReadFacts()?.CancellationReason).ShouldContain("Patient moved to Tucson");
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Disclosures.AsNoTracking()
            .SingleAsync(d => d.Id == disclosure.Id));
        (stored.PatientDateOfBirth, stored.PatientMedicalRecordNumber, stored.Description).ShouldBe((Born, "MRN-4242-X", "Tuberculosis test result"));
    }

    [Fact]
    public async Task SearchesByDateOfBirthAndMrn_StillFindTheRequest()
    {
        await using var app = await StartAsync();
        var (request, disclosure) = await FillAsync(app, cancel: false);
        await app.StartAsync(new RequestDraftBuilder().With(d => d with { Patient = d.Patient with { DateOfBirth = new DateOnly(1980, 4, 13) } }).Build());

        await ShouldFindAsync(app, request, disclosure);
        var none = await app.InScopeAsync(sp => sp.GetRequiredService<RequestQueue>()
            .PageAsync(new QueueFilter { State = QueueFilter.AllStates, Search = "1980-04-11" }));
        none.Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheSearches_CompareTheIndexedHashColumn_WithoutReadingTheRowsThatHaveNone()
    {
        var commands = new CapturedCommands();
        await using var app = await EngineHarness.CreateAsync(new KeepAlive(_database!), configure: s => s.AddSingleton<IInterceptor>(commands));

        await app.InScopeAsync(sp => sp.GetRequiredService<RequestQueue>()
            .PageAsync(new QueueFilter { State = QueueFilter.AllStates, Search = "1980-04-12" }));
        await app.InScopeAsync(sp => sp.GetRequiredService<DisclosureAccounting>()
            .ForPatientAsync(PatientIdentity.Create(null, null, null, "MRN-4242-X"), AccountingView.All));

        var sql = string.Join("\n", commands.Texts);
        sql.ShouldContain("\"Patient_DateOfBirthHash\" = ");
        sql.ShouldContain("\"Patient_MedicalRecordNumberHash\" = ");
        sql.ShouldContain("\"PatientMedicalRecordNumberHash\" = ");
        sql.ShouldNotContain("Hash\" IS NULL");
        sql.ShouldNotContain("\"Patient_DateOfBirth\" = ");
    }

    [Fact]
    public async Task AQueryThatComparesOrSortsAnEncryptedColumn_FailsLoudly_InsteadOfMatchingNothing()
    {
        await using var app = await StartAsync();
        var request = await app.StartAsync();

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var day = Born;
            (await Should.ThrowAsync<InvalidOperationException>(() => db.Requests.Where(r => r.Patient.DateOfBirth == day).ToListAsync()))
                .Message.ShouldContain("PatientDetails.DateOfBirth is stored encrypted");
            await Should.ThrowAsync<InvalidOperationException>(() => db.Audit.Where(a => a.Subject == "weeks=26").ToListAsync());
            await Should.ThrowAsync<InvalidOperationException>(() => db.Requests.Where(r => r.Patient.Email!.Contains("example")).ToListAsync());
            await Should.ThrowAsync<InvalidOperationException>(() => db.Requests.OrderBy(r => r.Recipient.Address.City).ToListAsync());
            await Should.ThrowAsync<InvalidOperationException>(() => db.Disclosures.Where(d => d.PatientMedicalRecordNumber == "MRN-1").ToListAsync());

            // Reading encrypted columns, and testing them for null, is what queries may do.
            var read = await db.Requests.Where(r => r.Id == request.Id && r.Patient.Email != null && r.PurposeDetail == null)
                .Select(r => new { r.Patient.DateOfBirth, r.Patient.Email }).SingleAsync();
            read.DateOfBirth.ShouldBe(request.Patient.DateOfBirth);
            read.Email.ShouldBe(request.Patient.Email);
        });
    }

    [Fact]
    public async Task EachSetOfKeys_GetsItsOwnModel_AndHostsWithTheSameKeysShareOne()
    {
        var other = new FieldEncryption(FieldKey.NewRandom());
        IModel shared1, shared2, own;
        await using (var first = await StartAsync()) shared1 = await ModelAsync(first);
        await using (var second = await StartAsync()) shared2 = await ModelAsync(second);
        // A host with other keys on its own database (this one now holds values under the shared key).
        await using var otherDatabase = await CreateDatabaseAsync();
        await using (var third = await EngineHarness.CreateAsync(new KeepAlive(otherDatabase), configure: s => s.AddSingleton(other)))
        {
            own = await ModelAsync(third);
            var request = await third.StartAsync();
            // Written with this host's key, not with the key of the host whose model was built first.
            var stored = await third.InScopeAsync(sp => RawDatabase.QueryAsync(sp.GetRequiredService<BackOfficeDbContext>(),
                $"SELECT \"Patient_DateOfBirth\" FROM \"Requests\" WHERE \"TrackingNumber\" = '{request.TrackingNumber}'"));
            FieldEncryption.KeyIdOf(stored.Single().Values.Single()).ShouldBe(other.Current.Id);
        }

        shared2.ShouldBeSameAs(shared1);
        own.ShouldNotBeSameAs(shared1);
    }

    [Fact]
    public async Task AWrongKey_StopsStartUp_NamingTheKeyTheDatabaseNeeds()
    {
        await using (var app = await StartAsync()) await app.StartAsync();
        var wrong = new FieldEncryption(FieldKey.NewRandom());

        var refused = await Should.ThrowAsync<FieldEncryptionException>(() => StartAsync(wrong));

        refused.Message.ShouldContain(TestFields.SharedKey.Id);
        refused.Message.ShouldContain("PreviousKeyFiles");
    }

    [Fact]
    public async Task Rotation_ReencryptsEveryValueWithTheNewKey_KeepingThemReadableAndFound()
    {
        var oldKey = FieldKey.NewRandom();
        var newKey = FieldKey.NewRandom();
        RecordsRequest request;
        Disclosure disclosure;
        await using (var before = await StartAsync(new FieldEncryption(oldKey))) (request, disclosure) = await FillAsync(before, cancel: false);

        await using (var during = await StartAsync(new FieldEncryption(newKey, [oldKey])))
        {
            // Before the rotation ran: old values read, and searches match hashes under either key.
            (await during.LoadAsync(request.Id)).Patient.ShouldBe(request.Patient);
            await ShouldFindAsync(during, request, disclosure);
            var counts = await during.InScopeAsync(sp => sp.GetRequiredService<EncryptedColumns>().CountByKeyAsync());
            counts.Keys.ShouldBe([oldKey.Id]);

            var result = await during.InScopeAsync(sp => sp.GetRequiredService<EncryptedColumns>().RotateAsync());

            result.KeyId.ShouldBe(newKey.Id);
            result.Values.ShouldBe((int)counts[oldKey.Id]);
            (await during.InScopeAsync(sp => sp.GetRequiredService<EncryptedColumns>().CountByKeyAsync())).Keys.ShouldBe([newKey.Id]);
            (await during.InScopeAsync(sp => sp.GetRequiredService<EncryptedColumns>().RotateAsync())).Values.ShouldBe(0);
        }

        await using (var after = await StartAsync(new FieldEncryption(newKey)))
        {
            (await after.LoadAsync(request.Id)).Patient.ShouldBe(request.Patient);
            await ShouldFindAsync(after, request, disclosure);
        }

        // The database now needs the new key: the old one alone is refused.
        (await Should.ThrowAsync<FieldEncryptionException>(() => StartAsync(new FieldEncryption(oldKey)))).Message.ShouldContain(newKey.Id);
    }

    [Fact]
    public async Task RowsStoredBeforeEncryption_AreEncryptedAtStartUp_AndStillReadAndFound()
    {
        var (requestId, tracking, disclosureId) = await InsertPlainRowsBeforeEncryptionAsync();

        await using var app = await StartAsync();

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var cells = await RawDatabase.EverythingAsync(db);
            foreach (var secret in LegacySecrets)
                cells.Where(c => c.Value.Contains(secret, StringComparison.Ordinal)).ShouldBeEmpty($"'{secret}' is still in clear");
            (await db.EncryptionKeys.Select(k => k.KeyId).ToListAsync()).ShouldBe([db.Fields.Current.Id]);
        });
        var request = await app.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Requests.AsNoTracking()
            .Include(r => r.Notes).SingleAsync(r => r.Id == requestId));
        request.TrackingNumber.ShouldBe(tracking);
        request.Patient.DateOfBirth.ShouldBe(Born);
        request.Patient.MedicalRecordNumber.ShouldBe("MRN-4242-X");
        request.Patient.Phone.ShouldBe("312-555-0142");
        request.Patient.Address.Line1.ShouldBe("4242 N Ravenswood Ave");
        request.MissingElements.ShouldBe(["Proof of guardianship"]);
        request.Notes.ShouldHaveSingleItem().Text.ShouldBe("Called about psychiatric records");
        var page = await app.InScopeAsync(sp => sp.GetRequiredService<RequestQueue>()
            .PageAsync(new QueueFilter { State = QueueFilter.AllStates, Search = "04/12/1980" }));
        page.Rows.ShouldHaveSingleItem().Id.ShouldBe(requestId);
        var accounting = await app.InScopeAsync(sp => sp.GetRequiredService<DisclosureAccounting>()
            .ForPatientAsync(PatientIdentity.Create(null, null, null, "MRN-4242-X"), AccountingView.All));
        accounting.Entries.ShouldHaveSingleItem().Id.ShouldBe(disclosureId);
        accounting.Entries[0].Description.ShouldBe("Tuberculosis test result");

        // A second start finds nothing left to do.
        await using var again = await StartAsync();
        (await again.LoadAsync(requestId)).Patient.DateOfBirth.ShouldBe(Born);
    }

    /// <summary>A request with a value in each encrypted column it has, cancelled with a reason, with a note, a
    /// document and an audit row; and a disclosure recorded without a request for the same patient.</summary>
    private static async Task<(RecordsRequest Request, Disclosure Disclosure)> FillAsync(EngineHarness app, bool cancel = true)
    {
        var address = new PostalAddress { Line1 = "4242 N Ravenswood Ave", Line2 = "Apt 7Q", City = "Evanstonia", State = "IL", PostalCode = "60299-4242" };
        var draft = new RequestDraftBuilder().With(d => d with
        {
            Kind = RequestKind.Authorization,
            Patient = d.Patient with
            {
                DateOfBirth = Born, MedicalRecordNumber = "MRN-4242-X", Phone = "312-555-0142", Email = "m.lopez.secret@example.org",
                FormerNames = "Maria Kowalczyk", Address = address, SecondPhone = "312-555-0177", PrimaryCareProvider = "Dr. Primary Secret",
            },
            Requester = new RequesterDetails
            {
                Type = RequesterType.PersonalRepresentative, Name = "Ana Lopez", Authority = RepresentativeAuthority.Guardian,
                AuthorityDescription = "Guardianship order 2019-P-4242", Phone = "773-555-0199", Email = "req.secret@example.org",
            },
            Recipient = new RecipientDetails
            {
                Type = RequesterType.OtherThirdParty, Name = "Dr. Reed", Email = "recipient.secret@example.org",
                Phone = "630-555-0161", Fax = "630-555-0162",
                Address = new PostalAddress { Line1 = "77 Recipient Rd", City = "Wheatonia", State = "IL", PostalCode = "60188" },
            },
            Information = new RequestedInformation { Description = "HIV test results, 2019" },
            Purpose = RequestPurpose.Other,
            PurposeDetail = "Disability claim",
            ExpiresOn = new DateOnly(2027, 3, 1),
            ExpiryEvent = "When the claim settles",
            RequiredStatementsPresent = true,
            Signature = d.Signature with { SignerName = "Ana Lopez", ElectronicSignature = "Ana Lopez", SignerIpAddress = "203.0.113.142" },
        }).Build();
        var request = await app.StartAsync(draft);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            var stored = await db.Requests.Include(r => r.Notes).Include(r => r.Documents).SingleAsync(r => r.Id == request.Id);
            db.Add(stored.AddNote("clerk", "Called the daughter about psychiatric records", app.Time.GetUtcNow()));
            db.Add(stored.AddDocument(DocumentKind.PhotoId, "hiv-results.pdf", "application/pdf", 10, "key", new string('0', 64), app.Time.GetUtcNow()));
            db.Audit.Add(BackOffice.Workflows.Auditing.AuditEntry.Record(app.Time.GetUtcNow(), "u1", "clerk", "ViewQueue", null, "?search=1980-04-12", "1 rows outcome-secret", null));
            await db.SaveChangesAsync();
        });
        if (cancel) await app.FireAsync(request.Id, "Cancel", Staff.Clerk, new TriggerArgs([new("reason", "Patient moved to Tucson")], "Patient moved to Tucson"));
        var disclosure = await app.InScopeAsync(sp => sp.GetRequiredService<DisclosureRecorder>().RecordAsync(
            DisclosureAccountingTests.Draft("Lopez", "Maria", Born, Today.AddDays(-1), "MRN-4242-X") with
            {
                RecipientAddress = "1 Health Dept Plaza, Chicago", Description = "Tuberculosis test result", PurposeDetail = "county TB report",
            }));
        return (request, disclosure);
    }

    private static async Task ShouldFindAsync(EngineHarness app, RecordsRequest request, Disclosure disclosure)
    {
        foreach (var typed in TypedDates)
        {
            var page = await app.InScopeAsync(sp => sp.GetRequiredService<RequestQueue>()
                .PageAsync(new QueueFilter { State = QueueFilter.AllStates, Search = typed }));
            page.Rows.ShouldHaveSingleItem().Id.ShouldBe(request.Id);
            page.Rows[0].DateOfBirth.ShouldBe(Born);
        }

        var byName = await app.InScopeAsync(sp => sp.GetRequiredService<RequestQueue>()
            .PageAsync(new QueueFilter { State = QueueFilter.AllStates, Search = "Lopez, Ma" }));
        byName.Rows.Select(r => r.Id).ShouldContain(request.Id);
        var byMrn = await app.InScopeAsync(sp => sp.GetRequiredService<DisclosureAccounting>()
            .ForPatientAsync(PatientIdentity.Create(null, null, null, "MRN-4242-X"), AccountingView.All));
        byMrn.Entries.Select(e => e.Id).ShouldContain(disclosure.Id);
        var byNameAndBirth = await app.InScopeAsync(sp => sp.GetRequiredService<DisclosureAccounting>()
            .ForPatientAsync(PatientIdentity.Create("Lopez", "Maria", Born), AccountingView.All));
        byNameAndBirth.Entries.Select(e => e.Id).ShouldContain(disclosure.Id);
    }

    private static Task<IModel> ModelAsync(EngineHarness app) =>
        app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<BackOfficeDbContext>().Model));

    /// <summary>
    /// The database as the build before encryption left it: migrated up to the migration before EncryptedFields, with a
    /// request, a note and a disclosure written in clear by plain SQL.
    /// </summary>
    private async Task<(Guid RequestId, string Tracking, Guid DisclosureId)> InsertPlainRowsBeforeEncryptionAsync()
    {
        await using var db = Context(_database!);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_EncryptedFields", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
        var postgres = RawDatabase.IsPostgres(db);
        var requestId = Guid.CreateVersion7();
        var disclosureId = Guid.CreateVersion7();
        var tracking = TrackingNumber.New();
        await InsertAsync(db, "Requests", new()
        {
            ["Id"] = Key(requestId, postgres), ["TrackingNumber"] = tracking, ["State"] = "NeedsInformation", ["QueuePriority"] = 1,
            ["DefinitionName"] = "records-request", ["DefinitionVersion"] = 1,
            ["Patient_FirstName"] = "Maria", ["Patient_LastName"] = "Lopez", ["PatientNameKey"] = "LOPEZ MARIA",
            ["Patient_DateOfBirth"] = postgres ? Born : "1980-04-12", ["Patient_MedicalRecordNumber"] = "MRN-4242-X",
            ["Patient_Phone"] = "312-555-0142", ["Patient_Address_Line1"] = "4242 N Ravenswood Ave", ["Patient_Address_City"] = "Evanston",
            ["Patient_Address_State"] = "IL", ["Patient_Address_PostalCode"] = "60201", ["Requester_Email"] = "",
            ["MissingElements"] = postgres ? MissingAsArray : """["Proof of guardianship"]""",
        });
        await InsertAsync(db, "Notes", new()
        {
            ["Id"] = Key(Guid.CreateVersion7(), postgres), ["RequestId"] = Key(requestId, postgres), ["Author"] = "clerk",
            ["Text"] = "Called about psychiatric records",
        });
        await InsertAsync(db, "Disclosures", new()
        {
            ["Id"] = Key(disclosureId, postgres), ["DisclosedAt"] = Instant(EngineHarness.Start.AddDays(-1), postgres),
            ["RecipientName"] = "Cook County Department of Public Health", ["Description"] = "Tuberculosis test result",
            ["Purpose"] = "Public health: county TB report", ["Method"] = "Fax", ["RequiredInAccounting"] = true, ["LegalBasis"] = "PublicHealth",
            ["PatientLastName"] = "Lopez", ["PatientFirstName"] = "Maria", ["PatientNameKey"] = "LOPEZ MARIA",
            ["PatientDateOfBirth"] = postgres ? Born : "1980-04-12", ["PatientMedicalRecordNumber"] = "MRN-4242-X",
        });
        return (requestId, tracking, disclosureId);
    }

    private static object Key(Guid id, bool postgres) => postgres ? id : id.ToString().ToUpperInvariant();

    private static object Instant(DateTimeOffset at, bool postgres) =>
        postgres ? at : new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;

    /// <summary>Inserts a row with the given values and a plausible value in every other required column.</summary>
    private static async Task InsertAsync(BackOfficeDbContext db, string table, Dictionary<string, object> values)
    {
        var postgres = RawDatabase.IsPostgres(db);
        var columns = postgres
            ? await RawDatabase.QueryAsync(db, $"SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_name = '{table}'")
            : (await RawDatabase.QueryAsync(db, $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')"))
                .Select(c => new Dictionary<string, string?> { ["name"] = c["name"], ["type"] = c["type"], ["nullable"] = c["notnull"] == "1" ? "NO" : "YES" })
                .ToList();
        var model = db.GetService<IDesignTimeModel>().Model;
        var properties = model.GetEntityTypes().Where(e => e.GetTableName() == table)
            .SelectMany(e => e.GetDeclaredProperties().Select(p => (Column: p.GetColumnName(StoreObjectIdentifier.Table(table, null)), Property: p)))
            .Where(p => p.Column is not null).GroupBy(p => p.Column!).ToDictionary(g => g.Key, g => g.First().Property);
        var row = new Dictionary<string, object?>(values.Select(v => KeyValuePair.Create(v.Key, (object?)v.Value)));
        foreach (var column in columns)
        {
            var name = column["name"]!;
            if (row.ContainsKey(name) || column["nullable"] == "YES") continue;
            row[name] = Default(column["type"]!, properties.GetValueOrDefault(name), postgres);
        }

        var names = row.Keys.ToList();
        await RawDatabase.ExecuteAsync(db,
            $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})",
            names.Select((n, i) => KeyValuePair.Create($"@p{i}", row[n])).ToDictionary());
    }

    private static object Default(string type, IProperty? property, bool postgres)
    {
        if (type == "ARRAY") return Array.Empty<string>();
        var clr = property is null ? typeof(string) : Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (clr.IsEnum) return Enum.GetNames(clr)[0];
        if (clr == typeof(DateOnly)) return postgres ? Today : "2026-03-02";
        if (clr == typeof(DateTimeOffset)) return Instant(EngineHarness.Start, postgres);
        if (clr == typeof(bool)) return false;
        if (clr == typeof(decimal)) return 0m;
        if (clr == typeof(int) || clr == typeof(long) || clr == typeof(short)) return 0;
        if (clr == typeof(Guid)) return Key(Guid.NewGuid(), postgres);
        if (property is not null && (property.IsPrimitiveCollection || clr == typeof(IReadOnlyList<string>))) return "[]";
        return "";
    }

    private static BackOfficeDbContext Context(TestDatabase database) => database.Options.Provider == DatabaseProvider.PostgreSql
        ? new PostgresBackOfficeDbContext(new DbContextOptionsBuilder<PostgresBackOfficeDbContext>()
            .UseNpgsql(database.Options.ConnectionString).Options, TestFields.Shared)
        : new SqliteBackOfficeDbContext(new DbContextOptionsBuilder<SqliteBackOfficeDbContext>()
            .UseSqlite(database.Options.SqliteConnectionString()).Options, TestFields.Shared);

    private sealed class CapturedCommands : DbCommandInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();

        public IReadOnlyCollection<string> Texts => _texts;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>Several start-ups on one database: each harness leaves it in place.</summary>
    private sealed class KeepAlive(TestDatabase inner) : TestDatabase
    {
        public override DatabaseOptions Options => inner.Options;

        public override ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class SqliteEncryptedFieldsTests : EncryptedFieldsTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresEncryptedFieldsTests : EncryptedFieldsTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
