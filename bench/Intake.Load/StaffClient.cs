using System.Diagnostics;
using System.Net;

namespace BackOffice.Intake.Load;

/// <summary>A signed-in clerk viewing the work queue over and over (each view audited by BackOffice).</summary>
public sealed class StaffClient(HttpClient http, CookieJar cookies, string queuePath)
{
    public static async Task<StaffClient> SignInAsync(HttpClient http, string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cookies = new CookieJar();
        using (var get = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn"))
        {
            using var page = await http.SendAsync(get, cancellationToken);
            cookies.Take(page.Headers);
            var token = OnlineRequestClient.TokenOf(await page.Content.ReadAsStringAsync(cancellationToken));
            using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
            {
                Content = new FormUrlEncodedContent([new("Input.UserName", userName), new("Input.Password", password), new("__RequestVerificationToken", token)]),
            };
            cookies.Apply(post);
            using var signedIn = await http.SendAsync(post, cancellationToken);
            cookies.Take(signedIn.Headers);
            if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new LoadFailureException($"sign-in as {userName}: {(int)signedIn.StatusCode}");
        }

        return new StaffClient(http, cookies, "/Staff/Requests");
    }

    /// <summary>A client of the bare app: its session cookie is simply set.</summary>
    public static StaffClient Bare(HttpClient http)
    {
        var cookies = new CookieJar();
        using var fake = new HttpResponseMessage();
        fake.Headers.Add("Set-Cookie", "session=bare");
        cookies.Take(fake.Headers);
        return new StaffClient(http, cookies, "/staff/requests");
    }

    public async Task<TimeSpan> ViewQueueAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, queuePath);
        cookies.Apply(request);
        using var response = await http.SendAsync(request, cancellationToken);
        cookies.Take(response.Headers);
        await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) throw new LoadFailureException($"GET {queuePath}: {(int)response.StatusCode}");
        return Stopwatch.GetElapsedTime(started);
    }
}
