using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Api;

public sealed class FeeEstimateTests : IAsyncLifetime, IDisposable
{
    private readonly BackOfficeFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    public void Dispose() => _client.Dispose();

    private Task<HttpResponseMessage> PostAsync(object body) =>
        _client.PostAsJsonAsync(new Uri("/api/fee-estimate", UriKind.Relative), body);

    [Fact]
    public async Task Estimate_Is11907_For2024Attorney120PaperPages_WithEachLineAndItsBasis()
    {
        var response = await PostAsync(new
        {
            requesterType = "Attorney", format = "Paper", pages = 120, receivedOn = "2024-06-01",
            purpose = "Other", deliveryMethod = "Mail", postage = 0.00,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("total").GetDecimal().ShouldBe(119.07m);
        body.GetProperty("currency").GetString().ShouldBe("USD");
        body.GetProperty("ruleSetVersion").GetInt32().ShouldBe(1);
        var lines = body.GetProperty("lines").EnumerateArray().ToList();
        lines.Sum(l => l.GetProperty("amount").GetDecimal()).ShouldBe(119.07m);
        lines.ShouldAllBe(l => !string.IsNullOrWhiteSpace(l.GetProperty("basis").GetString()));
        lines.ShouldContain(l => l.GetProperty("amount").GetDecimal() == 34.72m);
    }

    [Fact]
    public async Task Estimate_AddsActualPostage_AndIsFreeForAProvider()
    {
        var attorney = await (await PostAsync(new
        {
            requesterType = "Attorney", format = "Paper", pages = 120, receivedOn = "2024-06-01", deliveryMethod = "Mail", postage = 4.25,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var provider = await (await PostAsync(new
        {
            requesterType = "Provider", format = "Paper", pages = 120, receivedOn = "2024-06-01", deliveryMethod = "Mail", postage = 4.25,
        })).Content.ReadFromJsonAsync<JsonElement>();

        attorney.GetProperty("total").GetDecimal().ShouldBe(123.32m);
        provider.GetProperty("total").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Estimate_Answers400_NamingEachBadField()
    {
        var response = await PostAsync(new
        {
            requesterType = "Plumber", format = "Papyrus", pages = "many", receivedOn = "01/06/2024",
            purpose = "Other", deliveryMethod = "Pigeon", postage = -1,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["requesterType", "format", "deliveryMethod", "pages", "receivedOn", "postage"], ignoreOrder: true);
        errors.GetProperty("requesterType")[0].GetString()!.ShouldContain("Plumber");
    }

    [Fact]
    public async Task Estimate_Answers400_ForABodyThatIsNotJson()
    {
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/fee-estimate", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task FeesPage_ShowsTheEstimate_WithoutJavaScript()
    {
        var page = await _client.GetStringAsync(new Uri("/fees", UriKind.Relative));
        page.ShouldContain("What will my copies cost?");
        var token = StaffClient.AntiforgeryToken(page);

        var response = await _client.PostAsync(new Uri("/fees", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["RequesterType"] = "Attorney", ["Format"] = "Paper", ["Pages"] = "120",
            ["DeliveryMethod"] = "Mail", ["Purpose"] = "Other", ["ReceivedOn"] = "2024-06-01",
        }));

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("$119.07 plus postage");
        html.ShouldContain("735 ILCS 5/8-2001");
        // The date a past request was received picks the schedule then in force; no internal words on a public page.
        html.ShouldContain("Fees in force on June 1, 2024 (Illinois copying fees for 2024)");
        html.ShouldNotContain("Rule set");
        html.ShouldNotContain("version");
    }

    [Fact]
    public async Task FeesPage_AsksForTheDateTheRequestIsReceived_DefaultingToToday()
    {
        var page = await _client.GetStringAsync(new Uri("/fees", UriKind.Relative));

        var input = PageHtml.Input(page, "ReceivedOn").ShouldNotBeNull();
        input.ShouldContain("type=\"date\"");
        input.ShouldContain($"value=\"{DateText.Iso(_factory.Services.GetRequiredService<DepartmentClock>().Today)}\"");
        page.ShouldContain("Date we receive the request");
    }

    [Fact]
    public async Task Estimate_SaysPlusPostage_OnlyWhenMailedCopiesAreChargedAndNoPostageWasGiven()
    {
        async Task<bool> PlusPostage(object body) =>
            (await (await PostAsync(body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("plusPostage").GetBoolean();

        (await PlusPostage(new { requesterType = "Attorney", format = "Paper", pages = 10, receivedOn = "2024-06-01", deliveryMethod = "Mail" })).ShouldBeTrue();
        (await PlusPostage(new { requesterType = "Attorney", format = "Paper", pages = 10, receivedOn = "2024-06-01", deliveryMethod = "Mail", postage = 1.50 })).ShouldBeFalse();
        (await PlusPostage(new { requesterType = "Attorney", format = "Electronic", pages = 10, receivedOn = "2024-06-01", deliveryMethod = "Portal" })).ShouldBeFalse();
        (await PlusPostage(new { requesterType = "Provider", format = "Paper", pages = 10, receivedOn = "2024-06-01", deliveryMethod = "Mail" })).ShouldBeFalse();
    }

    [Fact]
    public async Task FeesPage_ShowsTheMessageNextToTheField_ForBadPages()
    {
        var page = await _client.GetStringAsync(new Uri("/fees", UriKind.Relative));

        var response = await _client.PostAsync(new Uri("/fees", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffClient.AntiforgeryToken(page), ["RequesterType"] = "Patient", ["Format"] = "Paper",
            ["Pages"] = "-3", ["DeliveryMethod"] = "Mail", ["Purpose"] = "Other",
        }));

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Pages must be a whole number from 0 to 100,000.");
        html.ShouldContain("href=\"#Pages\"");
    }

    [Fact]
    public async Task Estimate_IsRateLimited_PerClient()
    {
        await FixedWindows.AwayFromTheEndAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 65; i++)
        {
            statuses.Add((await PostAsync(new { requesterType = "Patient", format = "Paper", pages = 1, deliveryMethod = "Mail" })).StatusCode);
        }

        statuses.Take(60).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Last().ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
