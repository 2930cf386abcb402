using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Dashboard;

/// <summary>
/// One app with known requests, driven through the real engine and rules on the real clock: one received today, one
/// received 40 days ago (overdue), and one received 12 days ago that was invoiced, paid in full, mailed and so
/// completed today.
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public decimal Fee { get; private set; }

    public async Task InitializeAsync()
    {
        Factory = new BackOfficeFactory();
        Today = Factory.Services.GetRequiredService<DepartmentClock>().Today;
        await Factory.StartAsync(RequestScenarios.PatientDraft());
        await ReceiveAsync(Factory, RequestScenarios.PatientDraft(), Today.AddDays(-40));
        var completed = await ReceiveAsync(Factory, RequestScenarios.PatientDraft(), Today.AddDays(-12));
        (await Factory.ThroughReviewAsync(completed.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        await Factory.PayInFullAsync(completed.Id);
        (await Factory.FireAsync(completed.Id, "Mail", RequestScenarios.Clerk)).ToState.ShouldBe("Completed");
        Fee = (await Factory.LoadAsync(completed.Id)).FeeTotal!.Value;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();

    /// <summary>A request whose form arrived on <paramref name="receivedOn"/> (as paper intake records it).</summary>
    public static async Task<RecordsRequest> ReceiveAsync(BackOfficeFactory factory, RecordsRequestDraft draft, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LifecycleEngine>().StartAsync(draft, receivedOn, RequestScenarios.Clerk);
    }
}

/// <summary>Reads figures back out of the dashboard's HTML: cards by id, data tables as rows of cell texts.</summary>
public static partial class DashboardHtml
{
    public static string Card(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"card-{Regex.Escape(id)}\".*?class=\"dashboard-card-value\">(.*?)</span>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no card {id}");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    /// <summary>Every row of the data table (head, body and foot) as the decoded text of its cells.</summary>
    public static List<string[]> Table(string html, string id)
    {
        var table = Regex.Match(html, $"<table class=\"dashboard-table\" id=\"table-{Regex.Escape(id)}\">(.*?)</table>", RegexOptions.Singleline);
        table.Success.ShouldBeTrue($"no data table {id}");
        return [.. RowPattern().Matches(table.Groups[1].Value).Select(row => CellPattern().Matches(row.Groups[1].Value)
            .Select(cell => WebUtility.HtmlDecode(TagPattern().Replace(cell.Groups[1].Value, "")).Trim()).ToArray())];
    }

    /// <summary>The cells after the first of the row whose first cell is <paramref name="label"/>.</summary>
    public static string[] Row(string html, string table, string label) =>
        Table(html, table).FirstOrDefault(r => r[0] == label)?[1..] ?? throw new ShouldAssertException($"no row {label} in {table}");

    public static IReadOnlyList<string> Svgs(string html) => [.. SvgPattern().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
