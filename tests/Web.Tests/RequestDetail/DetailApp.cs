using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.RequestDetail;

/// <summary>One app on a fresh SQLite database for the detail-page tests; each test makes its own requests.
/// Requests come from <see cref="ClientAddress"/>, so the audit trail records an address.</summary>
public sealed class DetailApp : IAsyncLifetime
{
    public static readonly IPAddress ClientAddress = IPAddress.Parse("198.51.100.23");

    public BackOfficeFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new BackOfficeFactory
        {
            ConfigureServices = services => services.AddSingleton<IStartupFilter, ClientAddressFilter>(),
        };
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();

    public static string PageOf(Guid id) => $"/Staff/Requests/{id}";

    /// <summary>Posts one action as the page's form does: the trigger button, the version shown and the inputs as args[name].</summary>
    public async Task<HttpResponseMessage> PostActionAsync(HttpClient client, Guid id, string trigger, int? version = null,
        params (string Key, string Value)[] args)
    {
        ArgumentNullException.ThrowIfNull(client);
        var shown = version ?? (await Factory.LoadAsync(id)).Version;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("trigger", trigger),
            new("version", shown.ToString(CultureInfo.InvariantCulture)),
        };
        fields.AddRange(args.Select(a => KeyValuePair.Create($"args[{a.Key}]", a.Value)));
        return await client.PostFormAsync(PageOf(id), fields, PageOf(id) + "?handler=Action");
    }

    /// <summary>Posts an action that must succeed: a redirect back to the page, which then shows "Done".</summary>
    public async Task<RecordsRequest> ActAsync(HttpClient client, Guid id, string trigger, params (string Key, string Value)[] args)
    {
        var response = await PostActionAsync(client, id, trigger, null, args);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{trigger} was not done: {Errors(body)}");
        response.Location().ShouldBe(PageOf(id));
        var (_, html) = await client.GetPageAsync(PageOf(id));
        html.ShouldContain("Done: ");
        return await Factory.LoadAsync(id);
    }

    public Task<List<AuditEntry>> AuditAsync(Guid id) =>
        Factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.RequestId == id).OrderBy(a => a.Id).ToListAsync());

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = ClientAddress;
                return following(context);
            });
            next(app);
        };
    }

    private static string Errors(string html)
    {
        var start = html.IndexOf("error-summary", StringComparison.Ordinal);
        return start < 0 ? "(no error summary)" : WebUtility.HtmlDecode(html[start..Math.Min(html.Length, start + 800)]);
    }
}
