using System.Net;
using System.Net.Http.Headers;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PatientRequest.Support;

/// <summary>
/// One person filling in the online request: a browser-like client (cookies kept in <see cref="Cookies"/>, so a test
/// can copy them; redirects not followed) and the answers it gives, valid unless a test changes them.
/// </summary>
public sealed class RequestForm : IDisposable
{
    public static readonly string[] Paths =
        ["/request", "/request/patient", "/request/release", "/request/information", "/request/delivery", "/request/purpose", "/request/sign"];

    private readonly BackOfficeFactory _factory;

    public RequestForm(BackOfficeFactory factory)
    {
        _factory = factory;
        Cookies = new CookieContainerHandler();
        Client = factory.CreateDefaultClient(Cookies);
    }

    public CookieContainerHandler Cookies { get; }
    public HttpClient Client { get; }
    public Answers Answers { get; } = new();

    public Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>>? fields = null, string? action = null) =>
        Client.PostFormAsync(path, fields ?? [], action);

    /// <summary>Posts the sign step as a browser does: multipart, with the antiforgery token and the files.</summary>
    public async Task<HttpResponseMessage> PostSignAsync(IEnumerable<KeyValuePair<string, string>> fields, params UploadFile[] files)
    {
        var (status, html) = await Client.GetPageAsync("/request/sign");
        status.ShouldBe(HttpStatusCode.OK);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(StaffClient.AntiforgeryToken(html)), "__RequestVerificationToken");
        foreach (var file in files)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(bytes, file.Field, file.FileName);
        }

        return await Client.PostAsync(new Uri("/request/sign", UriKind.Relative), content);
    }

    /// <summary>Answers every step up to and including <paramref name="lastPath"/>, checking each goes on to the next.</summary>
    public async Task CompleteThroughAsync(string lastPath)
    {
        for (var i = 0; i < Paths.Length; i++)
        {
            var response = Paths[i] == "/request/sign"
                ? await PostSignAsync(Answers.Sign, Answers.PhotoId)
                : await PostAsync(Paths[i], Answers.For(Paths[i]));
            var next = i + 1 < Paths.Length ? Paths[i + 1] : "/request/review";
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{Paths[i]}: {await response.Content.ReadAsStringAsync()}");
            response.Location().ShouldBe(next);
            if (Paths[i] == lastPath) return;
        }
    }

    /// <summary>Completes every step and sends the request; returns the send's response.</summary>
    public async Task<HttpResponseMessage> SubmitAsync()
    {
        await CompleteThroughAsync("/request/sign");
        return await PostAsync("/request/review");
    }

    /// <summary>The requests stored for this form's patient (by its unique last name).</summary>
    public async Task<List<RecordsRequest>> StoredRequestsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var all = await db.Requests.Include(r => r.Documents).AsSplitQuery().ToListAsync();
        return all.Where(r => r.Patient.LastName == Answers.LastName).ToList();
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A form's answers, step by step; valid for a patient asking for their own records by mail.</summary>
public sealed class Answers
{
    public string LastName { get; } = "Lopez" + Guid.NewGuid().ToString("N")[..8];

    public Fields Who { get; } = new() { ["Requester.Type"] = "Patient", ["Receives"] = "Requester" };
    public Fields Patient { get; } = new()
    {
        ["Patient.FirstName"] = "Maria", ["Patient.DateOfBirth"] = "1980-03-31", ["Patient.Phone"] = "630-555-0100",
        ["Patient.Email"] = "maria@example.com", ["Patient.Address.Line1"] = "12 Elm Street", ["Patient.Address.City"] = "Naperville",
        ["Patient.Address.State"] = "IL", ["Patient.Address.PostalCode"] = "60540",
    };
    public Fields Release { get; } = new()
    {
        ["Locations"] = "MedicalGroup", ["Recipient.Name"] = "Maria Lopez", ["Recipient.Address.Line1"] = "12 Elm Street",
        ["Recipient.Address.City"] = "Naperville", ["Recipient.Address.State"] = "IL", ["Recipient.Address.PostalCode"] = "60540",
        ["Recipient.Email"] = "maria@example.com",
    };
    public Fields Information { get; } = new() { ["Information.AllRecords"] = "true" };
    public Fields Delivery { get; } = new() { ["Delivery"] = "Mail", ["Format"] = "Paper" };
    public Fields Purpose { get; } = new();
    public Fields Sign { get; } = new() { ["Signature.ElectronicSignature"] = "Maria Lopez", ["Signature.Agreed"] = "true" };
    public UploadFile PhotoId { get; set; } = UploadFile.Jpeg("PhotoId", "drivers-license.jpg");

    public Answers() => Patient["Patient.LastName"] = LastName;

    /// <summary>An attorney asking, with the patient's authorization: purpose and expiry given.</summary>
    public Answers AsAttorney()
    {
        Who["Requester.Type"] = "Attorney";
        Who["Requester.Name"] = "Sam Counsel";
        Who["Requester.Organisation"] = "Counsel & Co";
        Who["Requester.Email"] = "sam@counsel.example";
        Purpose["Purpose"] = "Legal";
        Purpose["ExpiresOn"] = "2027-12-31";
        Sign["Signature.SignerRelationship"] = "Patient";
        return this;
    }

    public Fields For(string path) => path switch
    {
        "/request" => Who,
        "/request/patient" => Patient,
        "/request/release" => Release,
        "/request/information" => Information,
        "/request/delivery" => Delivery,
        "/request/purpose" => Purpose,
        "/request/sign" => Sign,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "not a step"),
    };
}

/// <summary>Form fields in order; a name set with the indexer has one value, <see cref="Add"/> repeats a name (check boxes).</summary>
public sealed class Fields : List<KeyValuePair<string, string>>
{
    public string this[string name]
    {
        get => this.Last(f => f.Key == name).Value;
        set
        {
            RemoveAll(f => f.Key == name);
            Add(KeyValuePair.Create(name, value));
        }
    }

    public void Add(string name, string value) => Add(KeyValuePair.Create(name, value));

    public Fields Without(string name)
    {
        RemoveAll(f => f.Key == name);
        return this;
    }
}

public sealed record UploadFile(string Field, string FileName, string ContentType, byte[] Bytes)
{
    public static UploadFile Pdf(string field, string name, int size = 2048) => new(field, name, "application/pdf", Fill("%PDF-1.7\n"u8, size));
    public static UploadFile Jpeg(string field, string name, int size = 2048) => new(field, name, "image/jpeg", Fill([0xFF, 0xD8, 0xFF, 0xE0], size));
    public static UploadFile Png(string field, string name, int size = 2048) =>
        new(field, name, "image/png", Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size));
    /// <summary>A Windows executable's first bytes, whatever it is called.</summary>
    public static UploadFile Executable(string field, string name) => new(field, name, "application/pdf", Fill("MZ"u8, 4096));

    private static byte[] Fill(ReadOnlySpan<byte> header, int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        header.CopyTo(bytes);
        return bytes;
    }
}

public static class PageHtml
{
    /// <summary>The start tag of the input with this id, or null.</summary>
    public static string? Input(string html, string id) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*\\sid=\"{System.Text.RegularExpressions.Regex.Escape(id)}\"[^>]*>") is { Success: true } match
            ? match.Value
            : null;
}
