using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BackOffice.Web.Tests.Portal;

/// <summary>
/// The app with a movable clock, a portal request published by staff, and the mail folder the app writes .eml files
/// to (no SMTP host is configured in tests).
/// </summary>
public sealed partial class PortalScenario : IAsyncDisposable
{
    public static readonly byte[] PackageBytes = "%PDF-1.7 test release package"u8.ToArray();

    public PortalScenario(IDictionary<string, string?>? settings = null)
    {
        Time = new AdjustableTime(DateTimeOffset.UtcNow);
        Factory = new BackOfficeFactory(settings) { ConfigureServices = services => services.AddSingleton<TimeProvider>(Time) };
    }

    public AdjustableTime Time { get; }
    public BackOfficeFactory Factory { get; }
    public string MailDirectory => Path.Combine(RequestScenarios.DataDirectoryOf(Factory), "mail");

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>A patient's electronic request taken through review and payment to the portal, as staff would.</summary>
    public Task<RecordsRequest> PublishAsync() => PublishAsync(Factory);

    /// <summary>
    /// A patient's electronic request taken through review and payment to the portal in <paramref name="factory"/>'s app,
    /// as staff would; the link is then issued and e-mailed the way the app does it (the outbox row's job).
    /// </summary>
    public static async Task<RecordsRequest> PublishAsync(BackOfficeFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var request = await factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Portal, RecordFormat.Electronic));
        var state = await factory.ThroughReviewAsync(request.Id, electronicPages: 12, package: PackageBytes);
        if (state == "AwaitingPayment") await factory.PayInFullAsync(request.Id);
        (await factory.FireAsync(request.Id, "PublishToPortal", RequestScenarios.Clerk)).ToState.ShouldBe("PublishedToPortal");
        await DispatchAsync(factory, (await PortalOutboxRowAsync(factory, request.Id)).Id); // the job a Hangfire worker would run
        return request;
    }

    /// <summary>Runs the outbox dispatch job for one row, as a worker would (tests run no Hangfire server).</summary>
    public Task DispatchAsync(Guid outboxMessageId) => DispatchAsync(Factory, outboxMessageId);

    private static async Task DispatchAsync(BackOfficeFactory factory, Guid outboxMessageId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(outboxMessageId);
    }

    /// <summary>Waits for the n-th message to be written and returns the messages so far, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MailAsync(int atLeast)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            var messages = Messages();
            if (messages.Count >= atLeast) return messages;
            await Task.Delay(50);
        }

        throw new ShouldAssertException($"expected at least {atLeast} e-mails in {MailDirectory}, found {Messages().Count}");
    }

    public IReadOnlyList<MimeMessage> Messages() => MessagesIn(MailDirectory);

    /// <summary>The messages the app wrote to <paramref name="directory"/> (its mail folder), oldest first.</summary>
    public static IReadOnlyList<MimeMessage> MessagesIn(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
        : [];

    public static string Body(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.TextBody ?? "";
    }

    public static string LinkToken(MimeMessage message)
    {
        var match = LinkPattern().Match(Body(message));
        match.Success.ShouldBeTrue("the e-mail carries no portal link: " + Body(message));
        return match.Groups[1].Value;
    }

    public static string Code(MimeMessage message)
    {
        var match = CodePattern().Match(Body(message));
        match.Success.ShouldBeTrue("the e-mail carries no code: " + Body(message));
        return match.Groups[1].Value;
    }

    /// <summary>Publishes, waits for the link e-mail and returns the request and the link's token.</summary>
    public async Task<(RecordsRequest Request, string Token)> PublishedLinkAsync()
    {
        var request = await PublishAsync();
        var mail = await MailAsync(1);
        return (request, LinkToken(mail[^1]));
    }

    /// <summary>Enters the date of birth on the link's page; on a match the app e-mails a code.</summary>
    public static Task<HttpResponseMessage> EnterDateOfBirthAsync(HttpClient client, string token, string dateOfBirth) =>
        client.PostFormAsync($"/portal/{token}", new Dictionary<string, string> { ["DateOfBirth"] = dateOfBirth });

    public static Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string token, string code) =>
        client.PostFormAsync($"/portal/{token}/code", new Dictionary<string, string> { ["Code"] = code });

    /// <summary>Date of birth, then the code from the newest e-mail: the browser may now download.</summary>
    public async Task<HttpClient> VerifiedBrowserAsync(string token)
    {
        var client = Factory.CreateBrowser();
        var before = Messages().Count;
        (await EnterDateOfBirthAsync(client, token, "1980-04-15")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = Code((await MailAsync(before + 1))[^1]);
        (await EnterCodeAsync(client, token, code)).Location().ShouldBe($"/portal/{token}/download");
        return client;
    }

    public Task<List<Disclosure>> DisclosuresAsync(Guid requestId) =>
        Factory.QueryAsync(db => db.Disclosures.AsNoTracking().Where(d => d.RequestId == requestId).ToListAsync());

    public Task<List<Workflows.Portal.PortalGrant>> GrantsAsync(Guid requestId) =>
        Factory.QueryAsync(db => db.PortalGrants.AsNoTracking().Where(g => g.RequestId == requestId).ToListAsync());

    public Task<OutboxMessage> PortalOutboxRowAsync(Guid requestId) => PortalOutboxRowAsync(Factory, requestId);

    private static Task<OutboxMessage> PortalOutboxRowAsync(BackOfficeFactory factory, Guid requestId) =>
        factory.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.RequestId == requestId && o.Type == "PublishedToPortal"));

    [GeneratedRegex(@"http://localhost:5080/portal/([A-Za-z0-9_-]{43})\b")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"code to download the records is (\d{6})\b")]
    private static partial Regex CodePattern();
}
