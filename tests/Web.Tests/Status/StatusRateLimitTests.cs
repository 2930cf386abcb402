using System.Net;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Status;

/// <summary>Guessing is slowed per client address and per tracking number, known or not.</summary>
public sealed class StatusRateLimitTests : IAsyncDisposable
{
    private const string TooMany = "Too many attempts";
    private BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static Task<HttpResponseMessage> LookUpAsync(HttpClient client, string trackingNumber, string dateOfBirth) =>
        client.PostFormAsync("/status", new Dictionary<string, string> { ["TrackingNumber"] = trackingNumber, ["DateOfBirth"] = dateOfBirth });

    [Fact]
    public async Task Lookups_AreLimitedPerClientAddress_ThenRefusedWithAClearMessage()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = _factory.CreateBrowser();
        for (var i = 0; i < 10; i++)
        {
            // A different unknown number each time, so only the per-address limit can be reached.
            var attempt = await LookUpAsync(client, $"ZZZZ-ZZZZ-ZZ{i:00}", "1980-04-15");
            attempt.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await LookUpAsync(client, request.TrackingNumber, "1980-04-15");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain(TooMany);
        html.ShouldContain("Try again later");
    }

    [Fact]
    public async Task Lookups_AreLimitedPerTrackingNumber_AfterFiveFailures_WhetherTheNumberExistsOrNot()
    {
        await _factory.DisposeAsync();
        _factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:RateLimits:StatusLookupsPerIp"] = "100" });
        var targeted = await _factory.StartAsync(RequestScenarios.PatientDraft());
        var other = await _factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = _factory.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            (await LookUpAsync(client, targeted.TrackingNumber, $"1980-01-{i + 1:00}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await LookUpAsync(client, "ZZZZ-ZZZZ-ZZZZ", $"1980-01-{i + 1:00}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var rightAnswerTooLate = await LookUpAsync(client, targeted.TrackingNumber, "1980-04-15");
        var unknownTooLate = await LookUpAsync(client, "zzzz zzzz zzzz", "1980-04-15");
        var otherNumber = await LookUpAsync(client, other.TrackingNumber, "1980-04-15");

        rightAnswerTooLate.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await rightAnswerTooLate.Content.ReadAsStringAsync()).ShouldContain(TooMany);
        unknownTooLate.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        RequestScenarios.WithoutAntiforgeryToken(await unknownTooLate.Content.ReadAsStringAsync())
            .ShouldBe(RequestScenarios.WithoutAntiforgeryToken(await rightAnswerTooLate.Content.ReadAsStringAsync()));
        otherNumber.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
