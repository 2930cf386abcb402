using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Intake;

/// <summary>One app shared by a test class; every form uses its own patient last name.</summary>
public sealed class IntakeAppFixture : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; private set; } = null!;

    public DateOnly Today => Factory.Services.GetRequiredService<DepartmentClock>().Today;

    public Task InitializeAsync()
    {
        Factory = new BackOfficeFactory();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}

/// <summary>
/// A clerk keying in one paper form: the fields of a complete attorney authorization (valid unless a test changes
/// them) and the scan, posted as a browser posts the intake page (multipart, with the antiforgery token).
/// </summary>
public sealed partial class IntakeForm
{
    public const string Path = "/Staff/Intake";

    public IntakeForm(DateOnly today)
    {
        ReceivedOn = today.AddDays(-6);
        Fields = new Fields
        {
            ["ReceivedOn"] = Iso(ReceivedOn),
            ["Language"] = "en",
            ["Kind"] = "Authorization",
            ["Patient.FirstName"] = "Ana",
            ["Patient.LastName"] = LastName,
            ["Patient.DateOfBirth"] = "1975-02-14",
            ["Requester.Type"] = "Attorney",
            ["Requester.Name"] = "Sam Counsel",
            ["Requester.Organisation"] = "Counsel & Co",
            ["Requester.Email"] = "sam@counsel.example",
            ["Locations"] = "MedicalGroup",
            ["Receives"] = "Requester",
            ["Recipient.Name"] = "Sam Counsel",
            ["Recipient.Address.Line1"] = "1 Court Plaza",
            ["Recipient.Address.City"] = "Chicago",
            ["Recipient.Address.State"] = "IL",
            ["Recipient.Address.PostalCode"] = "60601",
            ["Information.AllRecords"] = "true",
            ["Delivery"] = "Mail",
            ["Format"] = "Paper",
            ["Purpose"] = "Legal",
            ["ExpiresOn"] = "2030-12-31",
            ["RequiredStatementsPresent"] = "true",
            ["Signature.SignerName"] = "Ana " + LastName,
            ["Signature.SignerRelationship"] = "Patient",
            ["Signature.SignedOn"] = Iso(ReceivedOn.AddDays(-3)),
        };
    }

    public string LastName { get; } = "Ruiz" + Guid.NewGuid().ToString("N")[..8];
    public DateOnly ReceivedOn { get; }
    public Fields Fields { get; }
    public UploadFile? Scan { get; set; } = UploadFile.Pdf("Scan", "authorization-scan.pdf");

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Fills in what Illinois forms let a requester say beyond the core fields: the patient's second phone and
    /// primary-care provider, the recipient's phone and fax, the records needed by <paramref name="neededBy"/>, every part
    /// of the record offered (the most recent visit, an abstract and each kind of record), and pickup by a named person.
    /// </summary>
    public IntakeForm WithTheFieldsIllinoisFormsOffer(DateOnly neededBy)
    {
        Fields["Patient.Phone"] = "630-555-0100";
        Fields["Patient.SecondPhone"] = "630-555-0199";
        Fields["Patient.PrimaryCareProvider"] = "Dr. Ruth Park, Lisle Family Clinic";
        Fields["Recipient.Phone"] = "312-555-0142";
        Fields["Recipient.Fax"] = "312-555-0143";
        Fields["Information.AllRecords"] = "false";
        foreach (var type in RequestLabels.RecordTypes) Fields.Add("Information.RecordTypes", type);
        Fields["Information.NeededBy"] = Iso(neededBy);
        Fields["Delivery"] = "Pickup";
        Fields["PickupBy"] = "Pat Runner";
        return this;
    }

    public async Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (status, html) = await client.GetPageAsync(Path);
        status.ShouldBe(HttpStatusCode.OK);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(StaffClient.AntiforgeryToken(html)), "__RequestVerificationToken");
        if (Scan is { } file)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(bytes, file.Field, file.FileName);
        }

        return await client.PostAsync(new Uri(Path, UriKind.Relative), content);
    }

    /// <summary>The requests stored for this form's patient (by its unique last name).</summary>
    public async Task<List<RecordsRequest>> StoredRequestsAsync(BackOfficeFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var all = await db.Requests.Include(r => r.Documents).AsSplitQuery().ToListAsync();
        return all.Where(r => r.Patient.LastName == LastName).ToList();
    }

    public static async Task<List<AuditEntry>> AuditAsync(BackOfficeFactory factory, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        return await db.Audit.Where(a => a.RequestId == requestId).ToListAsync();
    }

    /// <summary>The value of the hidden scan token the page carries, or null.</summary>
    public static string? ScanToken(string html)
    {
        var match = ScanTokenPattern().Match(html);
        return match.Success && match.Groups[1].Value.Length > 0 ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"ScanToken\" value=\"([^\"]*)\"")]
    private static partial Regex ScanTokenPattern();
}
