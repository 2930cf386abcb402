using System.Net;
using BackOffice.Web.Pages.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.Status;

/// <summary>The lookup: right answers let a browser in to one request; every wrong answer looks the same.</summary>
public sealed class StatusLookupTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static Task<HttpResponseMessage> LookUpAsync(HttpClient client, string trackingNumber, string dateOfBirth) =>
        client.PostFormAsync("/status", new Dictionary<string, string> { ["TrackingNumber"] = trackingNumber, ["DateOfBirth"] = dateOfBirth });

    [Fact]
    public async Task StatusPage_OffersALabelledLookupForm_ThatIsNotCached()
    {
        using var client = _factory.CreateBrowser();

        var response = await client.GetAsync(new Uri("/status", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        html.ShouldContain("<label for=\"TrackingNumber\">Tracking number</label>");
        html.ShouldContain("<label for=\"DateOfBirth\">Patient's date of birth</label>");
        html.ShouldContain("type=\"date\"");
        html.ShouldContain("method=\"post\"");
    }

    [Fact]
    public async Task Lookup_ShowsTheTimelineAndDueDate_ForTheRightNumberAndDateOfBirth_TypedAsPeopleTypeThem()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.FireWithCommentAsync(request.Id, "Verify", RequestScenarios.Clerk, "Caller sounded unsure; double-checked ID",
            ("identityChecked", "true"));
        using var client = _factory.CreateBrowser();
        var typed = request.TrackingNumber.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();

        var lookup = await LookUpAsync(client, typed, "1980-04-15");

        lookup.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        lookup.Location().ShouldBe($"/status/{request.Id}");
        lookup.Location()!.ShouldNotContain("1980");
        var (status, html) = await client.GetPageAsync(lookup.Location()!);
        status.ShouldBe(HttpStatusCode.OK);
        html = WebUtility.HtmlDecode(html);
        html.ShouldContain(request.TrackingNumber);
        html.ShouldContain($"{RequestScenarios.Written(request.ReceivedOn)}</span> <span>We received the request");
        html.ShouldContain("We checked the request and the identity of the person asking");
        html.ShouldContain($"We will respond by <strong>{RequestScenarios.Written(request.DueOn)}</strong>");
        html.ShouldNotContain("Casey");
        html.ShouldNotContain("Clerkson");
        html.ShouldNotContain("double-checked");
        html.ShouldNotContain("identityChecked");
        _factory.LogMessages.ShouldNotContain(m => m.Contains("1980-04-15", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lookup_ShowsTheSameMessage_ForAWrongDateOfBirthAnUnknownNumberAndAMalformedOne()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = _factory.CreateBrowser();

        var wrongBirthDate = await LookUpAsync(client, request.TrackingNumber, "1980-04-16");
        var unknownNumber = await LookUpAsync(client, "ZZZZ-ZZZZ-ZZZZ", "1980-04-15");
        var malformed = await LookUpAsync(client, "not-a-number!", "1980-04-15");

        var bodies = new[] { wrongBirthDate, unknownNumber, malformed }
            .Select(r => RequestScenarios.WithoutAntiforgeryToken(r.Content.ReadAsStringAsync().Result)).ToList();
        bodies[0].ShouldContain(WebUtility.HtmlEncode(IndexModel.NotFoundMessage));
        bodies[1].ShouldBe(bodies[0]);
        bodies[2].ShouldBe(bodies[0]);
        unknownNumber.StatusCode.ShouldBe(wrongBirthDate.StatusCode);
        malformed.StatusCode.ShouldBe(wrongBirthDate.StatusCode);
        bodies[0].ShouldNotContain(request.TrackingNumber);
        bodies[0].ShouldNotContain("1980-04-1");
    }

    [Fact]
    public async Task Lookup_NamesEachMissingField_AndLinksTheSummaryToIt()
    {
        using var client = _factory.CreateBrowser();

        var response = await LookUpAsync(client, " ", "");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        html.ShouldContain("<a href=\"#TrackingNumber\">Enter the tracking number.</a>");
        html.ShouldContain("<a href=\"#DateOfBirth\">Enter the patient's date of birth.</a>");
        StaffClient.FieldError(html, "DateOfBirth").ShouldBe("Enter the patient's date of birth.");
    }

    [Fact]
    public async Task VerificationCookie_CoversOnlyTheRequestLookedUp()
    {
        var mine = await _factory.StartAsync(RequestScenarios.PatientDraft());
        var someoneElses = await _factory.StartAsync(RequestScenarios.PatientDraft(birthDate: new DateOnly(1975, 9, 30)));
        using var client = _factory.CreateBrowser();
        (await LookUpAsync(client, mine.TrackingNumber, "1980-04-15")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var other = await client.GetAsync(new Uri($"/status/{someoneElses.Id}", UriKind.Relative));
        var otherInvoice = await client.GetAsync(new Uri($"/status/{someoneElses.Id}/invoice", UriKind.Relative));
        var own = await client.GetAsync(new Uri($"/status/{mine.Id}", UriKind.Relative));
        using var stranger = _factory.CreateBrowser();
        var strangers = await stranger.GetAsync(new Uri($"/status/{mine.Id}", UriKind.Relative));

        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        other.Location().ShouldBe("/status");
        otherInvoice.Location().ShouldBe("/status");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldContain(mine.TrackingNumber);
        strangers.Location().ShouldBe("/status");
    }
}
