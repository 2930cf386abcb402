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

    /// <summary>A copy of the cookies as they are now (the wizard's answers among them), to replay later as a stale tab or
    /// an attacker would.</summary>
    public CookieCollection SaveCookies()
    {
        var saved = new CookieCollection();
        foreach (Cookie cookie in Cookies.Container.GetAllCookies()) saved.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return saved;
    }

    /// <summary>Puts back cookies saved earlier, in place of the ones the browser holds now.</summary>
    public void RestoreCookies(CookieCollection saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        foreach (Cookie cookie in Cookies.Container.GetAllCookies()) cookie.Expired = true;
        foreach (Cookie cookie in saved) Cookies.Container.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
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
