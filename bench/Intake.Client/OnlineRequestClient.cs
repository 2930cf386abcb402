using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace BackOffice.Intake.Client;

/// <summary>
/// One person completing the online request as a browser does, with fresh cookies: for each of the seven steps GET
/// the page (reading its antiforgery token) and POST the answers (the sign step as multipart with a photo ID), then
/// GET and POST the review, then GET the done page — 17 calls. Answers are valid for a patient asking for their own
/// records by mail, with a made-up unique last name.
/// </summary>
public sealed partial class OnlineRequestClient(HttpClient http)
{
    public static readonly string[] Steps =
        ["/request", "/request/patient", "/request/release", "/request/information", "/request/delivery", "/request/purpose", "/request/sign"];

    private static readonly byte[] PhotoId = MakeJpeg(2048);

    /// <summary>Every call's duration by method and path, when a run asks for them (<c>--calls</c>).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<double>>? CallTimes { get; init; }

    /// <summary>Answers every step up to the review; the returned form is ready to send.</summary>
    public async Task<PreparedForm> PrepareAsync(CancellationToken cancellationToken)
    {
        var form = PreparedForm.New();
        await PrepareAsync(form, cancellationToken);
        return form;
    }

    /// <summary>
    /// Answers the steps of <paramref name="form"/> from the first one not yet answered up to the review and reads the
    /// review's token. A form interrupted part-way (the app stopped, a call failed) goes on from where it stopped with
    /// the cookies it has, as a browser whose person presses the button again: a step whose answer never arrived is
    /// answered again.
    /// </summary>
    public async Task PrepareAsync(PreparedForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        for (var i = form.NextStep; i < Steps.Length; i++)
        {
            var next = i + 1 < Steps.Length ? Steps[i + 1] : "/request/review";
            var token = await GetTokenAsync(form.Cookies, Steps[i], cancellationToken);
            using var content = Steps[i] == "/request/sign" ? SignContent(token) : (HttpContent)new FormUrlEncodedContent(Answers(Steps[i], form.LastName, token));
            await PostExpectingAsync(form.Cookies, Steps[i], content, next, cancellationToken);
            form.NextStep = i + 1;
        }

        form.ReviewToken = await GetTokenAsync(form.Cookies, "/request/review", cancellationToken);
    }

    /// <summary>Sends a prepared form (the review's POST) and returns how long that one call took.</summary>
    public async Task<TimeSpan> SendAsync(PreparedForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var started = Stopwatch.GetTimestamp();
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", form.ReviewToken!)]);
        await PostExpectingAsync(form.Cookies, "/request/review", content, "/request/done", cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The done page (GET) of a sent form: the tracking number it shows.</summary>
    public async Task<string> DoneAsync(PreparedForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var done = await GetAsync(form.Cookies, "/request/done", cancellationToken);
        var trackingNumber = TrackingNumberOf(done);
        return trackingNumber.Length > 0 ? trackingNumber : throw new LoadFailureException("GET /request/done: no tracking number", 200, done);
    }

    /// <summary>The whole request, 17 calls; returns the final send's duration and the tracking number shown.</summary>
    public async Task<(TimeSpan Send, string TrackingNumber)> CompleteAsync(CancellationToken cancellationToken)
    {
        var form = await PrepareAsync(cancellationToken);
        var send = await SendAsync(form, cancellationToken);
        var done = await GetAsync(form.Cookies, "/request/done", cancellationToken);
        return (send, TrackingNumberOf(done));
    }

    /// <summary>The antiforgery token of a page's form, or "" when it has none.</summary>
    public static string TokenOf(string html) => TokenPattern().Match(html).Groups[1].Value;

    public static string TrackingNumberOf(string donePage)
    {
        var match = TrackingPattern().Match(donePage);
        return match.Success ? match.Groups[1].Value : "";
    }

    private async Task<string> GetTokenAsync(CookieJar cookies, string path, CancellationToken cancellationToken)
    {
        var html = await GetAsync(cookies, path, cancellationToken);
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new LoadFailureException($"GET {path}: no antiforgery token");
        return match.Groups[1].Value;
    }

    private async Task<string> GetAsync(CookieJar cookies, string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        cookies.Apply(request);
        using var response = await http.SendAsync(request, cancellationToken);
        cookies.Take(response.Headers);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Record("GET " + path, started);
        if (response.StatusCode != HttpStatusCode.OK) throw new LoadFailureException($"GET {path}: {(int)response.StatusCode}", (int)response.StatusCode, body);
        return body;
    }

    private async Task PostExpectingAsync(CookieJar cookies, string path, HttpContent content, string next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        cookies.Apply(request);
        using var response = await http.SendAsync(request, cancellationToken);
        cookies.Take(response.Headers);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Record("POST " + path, started);
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || !string.Equals(location, next, StringComparison.OrdinalIgnoreCase))
            throw new LoadFailureException($"POST {path}: {(int)response.StatusCode} to {location ?? "(none)"}, expected {next}", (int)response.StatusCode, body);
    }

    private void Record(string call, long started) =>
        CallTimes?.GetOrAdd(call, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    private static List<KeyValuePair<string, string>> Answers(string step, string lastName, string token)
    {
        List<KeyValuePair<string, string>> fields = step switch
        {
            "/request" => [new("Requester.Type", "Patient"), new("Receives", "Requester")],
            "/request/patient" =>
            [
                new("Patient.FirstName", "Maria"), new("Patient.LastName", lastName), new("Patient.DateOfBirth", "1980-03-31"),
                new("Patient.Phone", "630-555-0100"), new("Patient.Email", "maria@example.com"), new("Patient.Address.Line1", "12 Elm Street"),
                new("Patient.Address.City", "Naperville"), new("Patient.Address.State", "IL"), new("Patient.Address.PostalCode", "60540"),
            ],
            "/request/release" =>
            [
                new("Locations", "MedicalGroup"), new("Recipient.Name", "Maria " + lastName), new("Recipient.Address.Line1", "12 Elm Street"),
                new("Recipient.Address.City", "Naperville"), new("Recipient.Address.State", "IL"), new("Recipient.Address.PostalCode", "60540"),
                new("Recipient.Email", "maria@example.com"),
            ],
            "/request/information" => [new("Information.AllRecords", "true")],
            "/request/delivery" => [new("Delivery", "Mail"), new("Format", "Paper")],
            _ => [],
        };
        fields.Add(new("__RequestVerificationToken", token));
        return fields;
    }

    private static MultipartFormDataContent SignContent(string token)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent("Maria Load"), "Signature.ElectronicSignature" },
            { new StringContent("true"), "Signature.Agreed" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(PhotoId);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "PhotoId", "drivers-license.jpg");
        return content;
    }

    private static byte[] MakeJpeg(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[3] = 0xE0;
        return bytes;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("class=\"tracking-number\">([^<]+)<")]
    private static partial Regex TrackingPattern();
}

/// <summary>A form answered up to the review (or part-way), with its cookies and the review's token.</summary>
public sealed class PreparedForm(CookieJar cookies, string lastName)
{
    /// <summary>A new form for a made-up patient whose last name no other form has.</summary>
    public static PreparedForm New() => new(new CookieJar(), "Load" + Guid.NewGuid().ToString("N")[..10]);

    public CookieJar Cookies { get; } = cookies;
    public string LastName { get; } = lastName;
    /// <summary>The index in <see cref="OnlineRequestClient.Steps"/> of the first step not answered yet.</summary>
    public int NextStep { get; internal set; }
    public string? ReviewToken { get; set; }
}

/// <summary>A call that did not answer as a browser would have been answered: the status and body when there was one.</summary>
public sealed class LoadFailureException(string message, int? statusCode = null, string? body = null) : Exception(message)
{
    public int? StatusCode { get; } = statusCode;
    public string? Body { get; } = body;
}
