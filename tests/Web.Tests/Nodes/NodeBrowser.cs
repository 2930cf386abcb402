using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Nodes;

/// <summary>
/// One person's browser in front of several nodes: one cookie jar, a client per node (as a load balancer would send the
/// same browser to different nodes). Cookies name a host, not a port, so every node on 127.0.0.1 gets the same cookies.
/// Redirects are not followed, so tests see where a response sends them.
/// </summary>
public sealed partial class NodeBrowser : IDisposable
{
    private readonly SocketsHttpHandler _handler;
    private readonly ConcurrentDictionary<int, HttpClient> _clients = new();

    public NodeBrowser(CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _handler = new SocketsHttpHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false };
    }

    public CookieContainer Cookies { get; }

    /// <summary>This browser talking to <paramref name="node"/>.</summary>
    public HttpClient On(NodeProcess node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _clients.GetOrAdd(node.Port, _ => new HttpClient(_handler, disposeHandler: false)
        {
            BaseAddress = node.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        });
    }

    /// <summary>Another browser holding a copy of this one's cookies (a second tab replaying the same form).</summary>
    public NodeBrowser Copy()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetAllCookies()) copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return new NodeBrowser(copy);
    }

    /// <summary>Signs in on <paramref name="node"/> as a demo account.</summary>
    public async Task SignInAsync(NodeProcess node, string userName)
    {
        var response = await On(node).SignInAsync(userName, NodeCluster.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {userName} on node {node.Name}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Answers one step of the online request on <paramref name="node"/> and checks it goes on to the next.</summary>
    public async Task AnswerStepAsync(NodeProcess node, Answers answers, string path)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var client = On(node);
        var response = path == "/request/sign"
            ? await PostSignAsync(client, answers)
            : await client.PostFormAsync(path, answers.For(path));
        var index = Array.IndexOf(RequestForm.Paths, path);
        var next = index + 1 < RequestForm.Paths.Length ? RequestForm.Paths[index + 1] : "/request/review";
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{path} on node {node.Name}: {await response.Content.ReadAsStringAsync()}");
        response.Location().ShouldBe(next, $"{path} on node {node.Name}");
    }

    /// <summary>Fills in the whole form on <paramref name="node"/>, sends it there and returns the tracking number its
    /// confirmation page shows.</summary>
    public async Task<string> SubmitAsync(NodeProcess node, Answers answers)
    {
        foreach (var path in RequestForm.Paths) await AnswerStepAsync(node, answers, path);
        var sent = await On(node).PostFormAsync("/request/review", []);
        sent.Location().ShouldBe("/request/done", $"sending on node {node.Name}: {await sent.Content.ReadAsStringAsync()}");
        return await TrackingNumberAsync(node);
    }

    /// <summary>The tracking number on the confirmation page, as <paramref name="node"/> shows it to this browser.</summary>
    public async Task<string> TrackingNumberAsync(NodeProcess node)
    {
        var (status, html) = await On(node).GetPageAsync("/request/done");
        status.ShouldBe(HttpStatusCode.OK, $"the confirmation page on node {node.Name}");
        var match = TrackingNumberPattern().Match(html);
        match.Success.ShouldBeTrue($"no tracking number on node {node.Name}'s confirmation page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    /// <summary>The sign step as a browser posts it: multipart, with the antiforgery token and the photo ID.</summary>
    private static async Task<HttpResponseMessage> PostSignAsync(HttpClient client, Answers answers)
    {
        var (status, html) = await client.GetPageAsync("/request/sign");
        status.ShouldBe(HttpStatusCode.OK);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in answers.Sign) content.Add(new StringContent(value), name);
        content.Add(new StringContent(StaffClient.AntiforgeryToken(html)), "__RequestVerificationToken");
        var photo = answers.PhotoId;
        var bytes = new ByteArrayContent(photo.Bytes);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(photo.ContentType);
        content.Add(bytes, photo.Field, photo.FileName);
        return await client.PostAsync(new Uri("/request/sign", UriKind.Relative), content);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("<p class=\"tracking-number\">([^<]+)</p>")]
    private static partial Regex TrackingNumberPattern();
}
