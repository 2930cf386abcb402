using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Rules;

public sealed class RulesWorkbenchTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string Shipped(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", file));

    private static async Task<int> CreateDraftAsync(HttpClient admin)
    {
        var response = await admin.PostFormAsync("/Staff/Rules", new Dictionary<string, string>
        {
            ["FromVersion"] = "1", ["Description"] = "Add the 2025 Illinois schedule",
        }, "/Staff/Rules?handler=CreateDraft");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return int.Parse(response.Location()!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient admin, int version, string file, string json) =>
        admin.PostFormAsync($"/Staff/Rules/Edit/{version}/{file}", new Dictionary<string, string>
        {
            ["Json"] = json, ["Revision"] = "0",
        });

    private static string With2025Schedule()
    {
        var schedules = JsonNode.Parse(Shipped("fee-schedules.json"))!;
        var year2024 = schedules["illinois"]!.AsArray().Last()!.DeepClone().AsObject();
        year2024["year"] = 2025;
        year2024["effectiveFrom"] = "2025-01-20";
        year2024["handling"] = 35.50m;
        year2024["firstTierRate"] = 1.33m;
        year2024["secondTierRate"] = 0.89m;
        year2024["overSecondTierRate"] = 0.44m;
        year2024["microficheRate"] = 2.22m;
        year2024["source"] = "Illinois Comptroller, Copying Fees Adjustments 2025 (test figures)";
        schedules["illinois"]!.AsArray().Add(year2024);
        return schedules.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    [Fact]
    public async Task Workbench_IsOnlyForRulesAdminsAndSupervisors()
    {
        using var anonymous = _factory.CreateBrowser();
        using var clerk = await _factory.SignedInAsync("clerk");
        using var admin = await _factory.SignedInAsync("rulesadmin");
        using var supervisor = await _factory.SignedInAsync("supervisor");

        (await anonymous.GetAsync(new Uri("/Staff/Rules", UriKind.Relative))).Location()!.ShouldContain("/Account/SignIn?ReturnUrl=%2FStaff%2FRules");
        (await clerk.GetAsync(new Uri("/Staff/Rules", UriKind.Relative))).Location().ShouldStartWith("http://localhost/Account/AccessDenied");
        var (status, html) = await admin.GetPageAsync("/Staff/Rules");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("In force today: <strong>version 1</strong>");
        (await supervisor.GetPageAsync("/Staff/Rules/Version/1")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ANewYearsSchedule_IsAddedAsData_PublishedAndUsedByTheEstimate()
    {
        using var admin = await _factory.SignedInAsync("rulesadmin");
        var version = await CreateDraftAsync(admin);

        var saved = await (await SaveAsync(admin, version, "fee-schedules.json", With2025Schedule())).Content.ReadAsStringAsync();
        saved.ShouldContain("The draft has no problems.");
        var diff = (await admin.GetPageAsync($"/Staff/Rules/Diff/{version}/fee-schedules.json?against=1")).Html;
        diff.ShouldContain("diff-added");
        diff.ShouldContain("2025-01-20");
        var publish = await admin.PostFormAsync($"/Staff/Rules/Version/{version}", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = DateTime.UtcNow.AddHours(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, $"/Staff/Rules/Version/{version}?handler=Publish");
        publish.StatusCode.ShouldBe(HttpStatusCode.Redirect, await publish.Content.ReadAsStringAsync());

        using var anyone = _factory.CreateClient();
        var estimate = await (await anyone.PostAsJsonAsync(new Uri("/api/fee-estimate", UriKind.Relative), new
        {
            requesterType = "Attorney", format = "Paper", pages = 120, receivedOn = "2025-06-01", deliveryMethod = "Mail",
        })).Content.ReadFromJsonAsync<JsonElement>();
        estimate.GetProperty("ruleSetVersion").GetInt32().ShouldBe(version);
        estimate.GetProperty("scheduleYear").GetInt32().ShouldBe(2025);
        estimate.GetProperty("total").GetDecimal().ShouldBe(35.50m + (25 * 1.33m) + (25 * 0.89m) + (70 * 0.44m));
        var history = (await admin.GetPageAsync("/Staff/Rules")).Html;
        history.ShouldContain("Published");
        history.ShouldContain("Draft edited");
        history.ShouldContain("rulesadmin");
    }

    [Fact]
    public async Task Save_KeepsTheNewRevision_WhenSavedTwiceFromTheSamePage()
    {
        using var admin = await _factory.SignedInAsync("rulesadmin");
        var version = await CreateDraftAsync(admin);
        var page = $"/Staff/Rules/Edit/{version}/fee-schedules.json";
        var first = Shipped("fee-schedules.json").Replace("\"illinois\"", "\"illinois\" ", StringComparison.Ordinal);
        var second = With2025Schedule();

        // As a browser does: each save posts the form of the page the previous save answered with.
        var opened = (await admin.GetPageAsync(page)).Html;
        var afterFirst = await PostEditFormAsync(admin, page, opened, first);
        afterFirst.ShouldContain("Saved.");
        var afterSecond = await PostEditFormAsync(admin, page, afterFirst, second);

        afterSecond.ShouldNotContain("Someone else saved this draft");
        afterSecond.ShouldContain("Saved.");
        WebUtility.HtmlDecode((await admin.GetPageAsync(page)).Html).ShouldContain("2025-01-20");
    }

    /// <summary>Posts the edit form found in <paramref name="html"/> (its token and hidden revision) with new text.</summary>
    private static async Task<string> PostEditFormAsync(HttpClient admin, string page, string html, string json)
    {
        var revision = System.Text.RegularExpressions.Regex.Match(html, "name=\"Revision\" value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"Revision\"");
        revision.Success.ShouldBeTrue("the edit form carries no revision");
        var response = await admin.PostAsync(new Uri(page, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Json"] = json,
            ["Revision"] = revision.Groups[1].Success ? revision.Groups[1].Value : revision.Groups[2].Value,
            ["__RequestVerificationToken"] = StaffClient.AntiforgeryToken(html),
        }));
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ABrokenDraft_IsSavedWithItsProblemsNamed_AndCannotBePublished()
    {
        using var admin = await _factory.SignedInAsync("rulesadmin");
        var version = await CreateDraftAsync(admin);
        var broken = Shipped("release.json").Replace("!facts.SignatureDated", "!facts.SignatureDate", StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await (await SaveAsync(admin, version, "release.json", broken)).Content.ReadAsStringAsync());

        html.ShouldContain("cannot be published until they are fixed");
        html.ShouldContain("rule HoldSignatureNotDated: at /Rules/");
        html.ShouldContain("SignatureDate");
        html.ShouldNotContain("   at BackOffice");
        html.ShouldContain("!facts.SignatureDate");
        var publish = await admin.PostFormAsync($"/Staff/Rules/Version/{version}", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, $"/Staff/Rules/Version/{version}?handler=Publish");
        publish.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await publish.Content.ReadAsStringAsync()).ShouldContain("cannot be published");
        (await admin.GetPageAsync("/Staff/Rules")).Html.ShouldContain("In force today: <strong>version 1</strong>");
    }

    [Fact]
    public async Task ADraft_CanBeTriedAgainstAnExistingRequest_ShowingInputsOutcomesAndOutput()
    {
        string tracking;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<LifecycleEngine>();
            var request = await engine.StartAsync(SampleDraft(), DateOnly.FromDateTime(DateTime.UtcNow), Actor.Staff("clerk-x", "Clerk X", LifecycleRoles.Clerk));
            tracking = request.TrackingNumber;
        }

        using var admin = await _factory.SignedInAsync("rulesadmin");
        var html = WebUtility.HtmlDecode((await admin.GetPageAsync($"/Staff/Rules/Version/1?Tracking={tracking}")).Html);

        html.ShouldContain($"Output for {tracking}");
        html.ShouldContain("Each rule's outcome");
        html.ShouldContain("HoldSignatureNotDated");
        html.ShouldContain("<td>RequesterType</td><td>Attorney</td>");
        (await admin.GetPageAsync("/Staff/Rules/Version/1?Tracking=0000-0000-0000")).Html.ShouldContain("No request has that tracking number.");
    }

    [Fact]
    public async Task Rollback_PutsThePreviousVersionBackInForce()
    {
        using var admin = await _factory.SignedInAsync("supervisor");
        var version = await CreateDraftAsync(admin);
        await admin.PostFormAsync($"/Staff/Rules/Version/{version}", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = DateTime.UtcNow.AddHours(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, $"/Staff/Rules/Version/{version}?handler=Publish");
        (await admin.GetPageAsync("/Staff/Rules")).Html.ShouldContain($"In force today: <strong>version {version}</strong>");

        var noReason = await admin.PostFormAsync($"/Staff/Rules/Version/{version}", new Dictionary<string, string> { ["Reason"] = "" },
            $"/Staff/Rules/Version/{version}?handler=Rollback");
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Give the reason for the rollback.");
        var rolledBack = await admin.PostFormAsync($"/Staff/Rules/Version/{version}", new Dictionary<string, string> { ["Reason"] = "Wrong figures" },
            $"/Staff/Rules/Version/{version}?handler=Rollback");

        rolledBack.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var index = (await admin.GetPageAsync("/Staff/Rules")).Html;
        index.ShouldContain("In force today: <strong>version 1</strong>");
        index.ShouldContain("Wrong figures");
    }

    private static RecordsRequestDraft SampleDraft()
    {
        var address = new PostalAddress { Line1 = "1 Court St", City = "Wheaton", State = "IL", PostalCode = "60187" };
        return new RecordsRequestDraft
        {
            Channel = RequestChannel.Paper,
            Kind = RequestKind.Authorization,
            Patient = new PatientDetails { FirstName = "Ann", LastName = "Lee", DateOfBirth = new DateOnly(1970, 1, 2), Address = address },
            Requester = new RequesterDetails { Type = RequesterType.Attorney, Name = "Sam Reed" },
            Recipient = new RecipientDetails { Type = RequesterType.Attorney, Name = "Sam Reed", Address = address },
            Information = new RequestedInformation { AllRecords = true },
            Purpose = RequestPurpose.Legal,
            Signature = new SignatureDetails { SignerName = "Ann Lee", SignedOn = new DateOnly(2024, 1, 2) },
        };
    }
}
