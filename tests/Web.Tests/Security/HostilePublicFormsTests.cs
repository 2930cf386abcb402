using System.Net;
using BackOffice.Web.Input;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Security;

/// <summary>
/// The other forms a stranger reaches (status lookup, fee estimate, staff sign-in) and the refusals they get: the field's
/// message for hostile text, a page (never a bare status) for a body too large, and <c>Retry-After</c> on every 429.
/// </summary>
public sealed class HostilePublicFormsTests
{
    public static TheoryData<string, string, string> HostileFields => new()
    {
        { "/status", "TrackingNumber", "ROI\0-2026" }, { "/status", "DateOfBirth", "03/31/1980\u0001" },
        { "/status", "TrackingNumber", new string('9', 1_000_000) },
        { "/fees", "Pages", "12\0" }, { "/fees", "Postage", new string('1', 1_000_000) }, { "/fees", "ReceivedOn", "2024-06-01\u202E" },
        { "/Account/SignIn", "Input.UserName", "clerk\0" }, { "/Account/SignIn", "Input.UserName", new string('c', 1_000_000) },
    };

    [Theory]
    [MemberData(nameof(HostileFields))]
    public async Task HostileText_InAPublicForm_GetsTheFieldsMessage(string page, string field, string value)
    {
        await using var factory = new BackOfficeFactory();
        using var browser = factory.CreateBrowser();
        var fields = page switch
        {
            "/status" => new Dictionary<string, string> { ["TrackingNumber"] = "ROI-2026-000001", ["DateOfBirth"] = "03/31/1980" },
            "/fees" => new Dictionary<string, string> { ["RequesterType"] = "Patient", ["Format"] = "Paper", ["Pages"] = "12", ["DeliveryMethod"] = "Mail" },
            _ => new Dictionary<string, string> { ["Input.UserName"] = "clerk", ["Input.Password"] = "wrong" },
        };
        fields[field] = value;

        var response = await browser.PostFormAsync(page, fields);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html + string.Join("\n", factory.LogMessages.TakeLast(8)));
        var message = StaffClient.FieldError(html, field.Replace('.', '_')) ?? string.Join(" ", StaffClient.ErrorSummary(html));
        message.ShouldNotBeNullOrWhiteSpace();
        if (value.Length < 1000) message.ShouldContain(StoredText.UnreadableMessage);
        else message.ShouldMatch("at most|number|amount|date|tracking");
        html.ShouldNotContain("Total</"); // no estimate is shown for a refused fee form
        factory.ErrorLogMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task ThePortalsFields_GetTheirMessage_ForHostileText_AndNoCodeIsSent()
    {
        await using var portal = new Portal.PortalScenario();
        var (_, token) = await portal.PublishedLinkAsync();
        using var browser = portal.Factory.CreateBrowser();
        var sentBefore = portal.Messages().Count;

        var nul = await Portal.PortalScenario.EnterDateOfBirthAsync(browser, token, "1980-04-15\0");
        var huge = await Portal.PortalScenario.EnterDateOfBirthAsync(browser, token, new string('1', 1_000_000));
        var sentAfterHostile = portal.Messages().Count;
        (await Portal.PortalScenario.EnterDateOfBirthAsync(browser, token, "1980-04-15")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = await Portal.PortalScenario.EnterCodeAsync(browser, token, "12\u202E3456");

        nul.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await nul.Content.ReadAsStringAsync(), "DateOfBirth").ShouldBe(StoredText.UnreadableMessage);
        huge.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await huge.Content.ReadAsStringAsync(), "DateOfBirth").ShouldNotBeNull();
        sentAfterHostile.ShouldBe(sentBefore); // no code was e-mailed for a hostile date of birth
        code.StatusCode.ShouldBe(HttpStatusCode.OK);
        // A code is compared, never kept: odd characters make a wrong code, counted as a try like any other guess.
        StaffClient.FieldError(await code.Content.ReadAsStringAsync(), "Code").ShouldNotBeNull().ShouldStartWith("That code is not right.");
        portal.Factory.ErrorLogMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheFeesForm_IsRateLimitedLikeTheApi_AndSaysWhenToComeBack()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:RateLimits:PublicApiPerMinute"] = "2" });
        using var browser = factory.CreateBrowser();
        var fields = new Dictionary<string, string> { ["RequesterType"] = "Patient", ["Format"] = "Paper", ["Pages"] = "12", ["DeliveryMethod"] = "Mail" };

        var first = await browser.PostFormAsync("/fees", fields);
        var second = await browser.PostFormAsync("/fees", fields);
        var third = await browser.PostFormAsync("/fees", fields);
        var api = await browser.PostAsync(new Uri("/api/fee-estimate", UriKind.Relative),
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeInRange(1, 60);
        (await third.Content.ReadAsStringAsync()).ShouldContain("Too many attempts");
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests); // one count for the form and the API
        api.Headers.RetryAfter.ShouldNotBeNull();
        (await browser.GetAsync(new Uri("/fees", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK); // reading is free
    }

    [Fact]
    public async Task TheStatusLookup_Refusal_SaysWhenToComeBack()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:RateLimits:StatusLookupsPerIp"] = "1", ["BackOffice:RateLimits:StatusLookupWindowMinutes"] = "15",
        });
        using var browser = factory.CreateBrowser();
        var fields = new Dictionary<string, string> { ["TrackingNumber"] = "ROI-2026-000001", ["DateOfBirth"] = "03/31/1980" };

        await browser.PostFormAsync("/status", fields);
        var refused = await browser.PostFormAsync("/status", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task TheStatusLookupLimit_IsCountedAcrossNodes()
    {
        var shared = Path.Combine(Path.GetTempPath(), "backoffice-limit-nodes-" + Guid.NewGuid().ToString("N"));
        try
        {
            Dictionary<string, string?> Node(string name) => new()
            {
                ["BackOffice:DataDirectory"] = Path.Combine(shared, name),
                ["BackOffice:Database:ConnectionString"] = $"Data Source={Path.Combine(shared, "shared.db")}",
                ["BackOffice:RateLimits:StatusLookupsPerIp"] = "2",
            };
            await using var first = new BackOfficeFactory(Node("a"));
            await using var second = new BackOfficeFactory(Node("b"));
            using var onFirst = first.CreateBrowser();
            using var onSecond = second.CreateBrowser();
            var fields = new Dictionary<string, string> { ["TrackingNumber"] = "ROI-2026-000001", ["DateOfBirth"] = "03/31/1980" };

            var one = await onFirst.PostFormAsync("/status", fields);
            var two = await onSecond.PostFormAsync("/status", fields);
            var three = await onFirst.PostFormAsync("/status", fields);
            var four = await onSecond.PostFormAsync("/status", fields);

            one.StatusCode.ShouldBe(HttpStatusCode.OK);
            two.StatusCode.ShouldBe(HttpStatusCode.OK);
            three.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests); // the attempt on the other node counted here too
            four.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            four.Headers.RetryAfter.ShouldNotBeNull();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(shared)) Directory.Delete(shared, recursive: true);
        }
    }

    [Fact]
    public async Task AnUnknownAddress_GetsTheSitesNotFoundPage_WithIts404()
    {
        await using var factory = new BackOfficeFactory();
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task AnExpiredFormToken_GetsAPage_NotABare400()
    {
        await using var factory = new BackOfficeFactory();
        using var browser = factory.CreateBrowser();

        var response = await browser.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(
            [KeyValuePair.Create("TrackingNumber", "ROI-2026-000001"), KeyValuePair.Create("__RequestVerificationToken", "forged")]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("We could not read what was sent");
    }
}
