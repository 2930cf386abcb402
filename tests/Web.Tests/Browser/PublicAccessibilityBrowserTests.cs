using BackOffice.Web.Tests.Portal;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Web.Tests.Browser;

/// <summary>
/// axe-core (injected by Deque.AxeCore.Playwright) on every public page in English and in Spanish, each on a desktop and
/// on a 390×844 phone: the landing page; every step of the online request on both routes — the patient's own records
/// (a step after a failed check, the parts of the record, unencrypted and secure e-mail, a step opened with "Change" from
/// the review) and a third party's authorization (a personal representative's authority, a deceased patient, the
/// consents with the mental-health witness, pickup, purpose and expiry after a failed check, the statements at
/// signing) — each review and confirmation; the status lookup, its refusal, a request it finds and one waiting for
/// payment with its invoice page; the fee estimate and its answer; a portal link issued by the app's own code (its page,
/// the code step, the download) and a link that does not work; the error page for an address that does not exist; the
/// requester API's reference in its light and dark themes; and the paper form, a PDF (axe has no HTML to check there), in
/// the walk's language. Any serious or critical violation fails. Which page answered each check is learnt from
/// the app's routing (<see cref="ServedPages"/>), and every public page the app maps must have been checked, so a new
/// page is checked too. Fields are found by name, not by their words, so the same walk runs in both languages.
/// </summary>
public sealed class PublicAccessibilityBrowserTests(ITestOutputHelper output)
{
    private static readonly string[] Failing = ["serious", "critical"];
    private static readonly byte[] PhotoId = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. new byte[512]];

    /// <summary>Pages that are not public pages of this test: the staff sign-in pages (English only, checked by
    /// <see cref="StaffAccessibilityBrowserTests"/>).</summary>
    private static bool IsStaffPage(string page) =>
        page == "/Staff/Index" || page.StartsWith("/Staff/", StringComparison.Ordinal) || page.StartsWith("/Account/", StringComparison.Ordinal);

    [Theory]
    [InlineData("en", false)]
    [InlineData("en", true)]
    [InlineData("es", false)]
    [InlineData("es", true)]
    public async Task EveryPublicPage_HasNoSeriousOrCriticalAccessibilityViolation(string language, bool phone)
    {
        var served = new ServedPages();
        await using var session = await BrowserSession.StartAsync(configureServices: served.AddTo);
        var walk = new Walk(session, served, language, phone, output);

        var self = await walk.NewPageAsync();
        await walk.CheckAsync(self, "/");
        var tracking = await SelfAccessRouteAsync(walk, self);
        await ThirdPartyRouteAsync(walk, await walk.NewPageAsync());
        await StatusPagesAsync(walk, self, tracking);
        await FeePagesAsync(walk, self);
        await PortalPagesAsync(walk, await walk.NewPageAsync());
        await walk.CheckAsync(self, "/no-such-page", status: 404);
        // Scalar draws the API reference after the page loads, in the light or dark theme the visitor's system asks for.
        await walk.CheckAsync(self, "/api/v1/reference", ready: "#app .endpoint-method");
        await self.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await walk.CheckAsync(self, "/api/v1/reference", ready: "#app .endpoint-method", name: "/api/v1/reference (dark)");
        await self.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await walk.ShouldBePdfAsync(self, "/request/paper-form/" + language);

        var notChecked = ServedPages.AllPages(session.Factory.Services).Where(p => !IsStaffPage(p)).Except(walk.Checked).ToList();
        notChecked.ShouldBeEmpty("public pages the accessibility test does not check: " + string.Join(", ", notChecked));
        walk.Problems.ShouldBeEmpty(string.Join(Environment.NewLine, walk.Problems));
        // Nothing a page asks for is missing (a stylesheet, a script, the favicon).
        walk.Missing.ShouldBeEmpty(string.Join(", ", walk.Missing.Distinct()));
    }

    /// <summary>A patient asking for their own records, sent by secure e-mail; returns the tracking number.</summary>
    private static async Task<string> SelfAccessRouteAsync(Walk walk, IPage page)
    {
        await page.GotoAsync("/request");
        await walk.CheckHereAsync(page, "who");
        await page.Locator("[name='Requester.Type'][value='Patient']").CheckAsync();
        await page.Locator("[name='Receives'][value='Requester']").CheckAsync();
        await ContinueAsync(page);

        // The patient step as it shows after a failed check: messages next to the fields and the summary.
        await ContinueAsync(page);
        await page.Locator(".error-summary").WaitForAsync();
        await walk.CheckHereAsync(page, "patient (errors)");
        await FillPatientAsync(page, "Maria", walk.LastName);
        await ContinueAsync(page);

        await walk.CheckHereAsync(page, "release");
        await page.Locator("[name='Locations'][value='MedicalGroup']").CheckAsync();
        await ContinueAsync(page);

        await walk.CheckHereAsync(page, "information (leave out)");
        await page.Locator("[name='Information.AllRecords'][value='false']").CheckAsync();
        await page.Locator("[name='Information.RecordTypes'][value='The most recent visit only']").CheckAsync();
        await walk.CheckHereAsync(page, "information (some records)");
        await ContinueAsync(page);

        await walk.CheckHereAsync(page, "delivery");
        await page.Locator("[name='Delivery'][value='UnencryptedEmail']").CheckAsync();
        await walk.CheckHereAsync(page, "delivery (unencrypted e-mail)");
        await page.Locator("[name='Delivery'][value='SecureEmail']").CheckAsync();
        await page.Locator("[name='EmailPassphrase']").FillAsync("harbor lantern violet seven");
        await page.Locator("[name='EmailPassphraseConfirm']").FillAsync("harbor lantern violet seven");
        await page.Locator("[name='Format'][value='Electronic']").CheckAsync();
        await walk.CheckHereAsync(page, "delivery (secure e-mail)");
        await ContinueAsync(page);

        await walk.CheckHereAsync(page, "purpose (optional)");
        await ContinueAsync(page);
        await SignAsync(walk, page, "Maria " + walk.LastName);

        // "Change" opens a step that returns to the review.
        await page.Locator("main a.change[href^='/request/release']").ClickAsync();
        await WaitForUrlAsync(page, "**/request/release*");
        await walk.CheckHereAsync(page, "release (changed from the review)");
        await ContinueAsync(page);
        await WaitForUrlAsync(page, "**/request/review");
        return await SendAsync(walk, page);
    }

    /// <summary>An attorney with the patient's authorization: consents, witness, pickup, purpose and expiry.</summary>
    private static async Task ThirdPartyRouteAsync(Walk walk, IPage page)
    {
        var today = walk.Session.Factory.Services.GetRequiredService<DepartmentClock>().Today;
        await page.GotoAsync("/request");
        await page.Locator("[name='Requester.Type'][value='PersonalRepresentative']").CheckAsync();
        await walk.CheckHereAsync(page, "who (personal representative)");
        await page.Locator("[name='Requester.Type'][value='Attorney']").CheckAsync();
        await page.Locator("[name='Requester.Name']").FillAsync("Sam Counsel");
        await page.Locator("[name='Requester.Organisation']").FillAsync("Counsel & Co");
        await page.Locator("[name='Requester.Phone']").FillAsync("312-555-0100");
        await page.Locator("[name='Requester.Email']").FillAsync("sam@counsel.example");
        await page.Locator("[name='Receives'][value='Requester']").CheckAsync();
        await walk.CheckHereAsync(page, "who (third party)");
        await ContinueAsync(page);

        await FillPatientAsync(page, "Ana", walk.LastName);
        await page.Locator("[name='Patient.IsDeceased']").CheckAsync();
        await walk.CheckHereAsync(page, "patient (deceased)");
        await page.Locator("[name='Patient.IsDeceased']").UncheckAsync();
        await ContinueAsync(page);

        await page.Locator("[name='Locations'][value='MedicalGroup']").CheckAsync();
        await walk.CheckHereAsync(page, "release (third party)");
        await ContinueAsync(page);

        await page.Locator("[name='Information.AllRecords'][value='true']").CheckAsync();
        await page.Locator("[name='Consents.Categories'][value='MentalHealth']").CheckAsync();
        await page.Locator("[name='Consents.WitnessName']").FillAsync("Wendy Witness");
        await page.Locator("[name='Consents.WitnessSignature']").FillAsync("Wendy Witness");
        await page.Locator("[name='Consents.WitnessedOn']").FillAsync(Iso(today));
        await walk.CheckHereAsync(page, "information (consents and witness)");
        await ContinueAsync(page);

        await page.Locator("[name='Delivery'][value='Pickup']").CheckAsync();
        await page.Locator("[name='PickupBy']").FillAsync("Sam Counsel");
        await page.Locator("[name='Format'][value='Paper']").CheckAsync();
        await walk.CheckHereAsync(page, "delivery (pickup)");
        await ContinueAsync(page);

        // Purpose and expiry as they show after a failed check (a third party must give both).
        await ContinueAsync(page);
        await page.Locator(".error-summary").WaitForAsync();
        await walk.CheckHereAsync(page, "purpose and expiry (errors)");
        await page.Locator("[name='Purpose'][value='Legal']").CheckAsync();
        await page.Locator("[name='ExpiresOn']").FillAsync(Iso(today.AddYears(1)));
        await ContinueAsync(page);

        await page.Locator("[name='Signature.SignerRelationship'][value='Patient']").CheckAsync();
        await SignAsync(walk, page, "Ana " + walk.LastName);
        await SendAsync(walk, page);
    }

    /// <summary>The status lookup, its refusal, the request the walk sent, and a request waiting for payment with its invoice.</summary>
    private static async Task StatusPagesAsync(Walk walk, IPage page, string tracking)
    {
        await walk.CheckAsync(page, "/status");
        await LookUpAsync(page, "ZZZZ-ZZZZ-ZZZZ", "1980-03-31");
        await page.Locator(".error-summary").WaitForAsync();
        await walk.CheckHereAsync(page, "/status (not found)");

        await LookUpAsync(page, tracking, "1980-03-31");
        await page.Locator("h1").Filter(new() { HasText = tracking }).WaitForAsync();
        await walk.CheckHereAsync(page, "/status (the request)");

        // Staff count the pages and approve: the patient's paper copies carry a fee, so the request waits for payment.
        var factory = walk.Session.Factory;
        var billed = await factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Mail, RecordFormat.Paper));
        (await factory.ThroughReviewAsync(billed.Id, paperPages: 25)).ShouldBe("AwaitingPayment");
        await page.GotoAsync("/status");
        await LookUpAsync(page, billed.TrackingNumber, Iso(RequestScenarios.PatientBirthDate));
        await page.Locator("h1").Filter(new() { HasText = billed.TrackingNumber }).WaitForAsync();
        await walk.CheckHereAsync(page, "/status (awaiting payment)");
        await page.Locator($"main a[href$='/status/{billed.Id}/invoice']").First.ClickAsync();
        await WaitForUrlAsync(page, $"**/status/{billed.Id}/invoice");
        await walk.CheckHereAsync(page, "/status/{id}/invoice");
    }

    private static async Task FeePagesAsync(Walk walk, IPage page)
    {
        await walk.CheckAsync(page, "/fees");
        await page.Locator("[name='Pages']").FillAsync("40");
        await page.Locator("main button[type='submit']").First.ClickAsync();
        await page.Locator(".error-summary, table, .fee-total, [role='status']").First.WaitForAsync();
        await walk.CheckHereAsync(page, "/fees (the estimate)");
    }

    /// <summary>A link staff published and the app e-mailed: date of birth, the e-mailed code, the download; and a link that does not work.</summary>
    private static async Task PortalPagesAsync(Walk walk, IPage page)
    {
        // The app writes its e-mails as files (no SMTP server in tests), the link's and the code's as they are sent.
        var mail = Path.Combine(walk.Session.Factory.DataDirectory, "mail");
        await PortalScenario.PublishAsync(walk.Session.Factory);
        var token = PortalScenario.LinkToken(PortalScenario.MessagesIn(mail).Last(m => PortalScenario.Body(m).Contains("/portal/", StringComparison.Ordinal)));

        await walk.CheckAsync(page, $"/portal/{token}", name: "/portal/{token}");
        await page.Locator("[name='DateOfBirth']").FillAsync(Iso(RequestScenarios.PatientBirthDate));
        await page.Locator("main button[type='submit']").First.ClickAsync();
        await WaitForUrlAsync(page, $"**/portal/{token}/code");
        await walk.CheckHereAsync(page, "/portal/{token}/code");

        await page.Locator("[name='Code']").FillAsync(PortalScenario.Code(PortalScenario.MessagesIn(mail)[^1]));
        await page.Locator("main form:not(.resend) button[type='submit']").First.ClickAsync();
        await WaitForUrlAsync(page, $"**/portal/{token}/download");
        await walk.CheckHereAsync(page, "/portal/{token}/download");

        // A well-formed link that was never issued: the portal's own "link not valid" answer.
        await walk.CheckAsync(page, "/portal/" + new string('A', 43), status: 404, name: "/portal/{token} (not valid)");
    }

    private static async Task FillPatientAsync(IPage page, string firstName, string lastName)
    {
        await page.Locator("[name='Patient.FirstName']").FillAsync(firstName);
        await page.Locator("[name='Patient.LastName']").FillAsync(lastName);
        await page.Locator("[name='Patient.DateOfBirth']").FillAsync("1980-03-31");
        await page.Locator("[name='Patient.Phone']").FillAsync("630-555-0100");
        await page.Locator("[name='Patient.Email']").FillAsync("maria@example.com");
        await page.Locator("[name='Patient.Address.Line1']").FillAsync("12 Elm Street");
        await page.Locator("[name='Patient.Address.City']").FillAsync("Naperville");
        await page.Locator("[name='Patient.Address.State']").FillAsync("IL");
        await page.Locator("[name='Patient.Address.PostalCode']").FillAsync("60540");
    }

    /// <summary>Checks the sign step, signs it with a photo ID and goes on to the review.</summary>
    private static async Task SignAsync(Walk walk, IPage page, string signature)
    {
        await walk.CheckHereAsync(page, "sign");
        await page.Locator("[name='Signature.ElectronicSignature']").FillAsync(signature);
        await page.Locator("[name='Signature.Agreed']").CheckAsync();
        await page.Locator("#PhotoId").SetInputFilesAsync(new FilePayload { Name = "license.jpg", MimeType = "image/jpeg", Buffer = PhotoId });
        await ContinueAsync(page);
        await WaitForUrlAsync(page, "**/request/review");
        await walk.CheckHereAsync(page, "review");
    }

    /// <summary>Sends the request from the review and checks the confirmation; returns the tracking number.</summary>
    private static async Task<string> SendAsync(Walk walk, IPage page)
    {
        await ContinueAsync(page);
        await WaitForUrlAsync(page, "**/request/done");
        await walk.CheckHereAsync(page, "done");
        return (await page.Locator(".tracking-number").TextContentAsync())!.Trim();
    }

    private static async Task LookUpAsync(IPage page, string tracking, string dateOfBirth)
    {
        await page.Locator("[name='TrackingNumber']").FillAsync(tracking);
        await page.Locator("[name='DateOfBirth']").FillAsync(dateOfBirth);
        await page.Locator("main button[type='submit']").First.ClickAsync();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits for the step after a send; when it does not come, fails saying where the browser is and what the page says
    /// (a timeout alone had left a failed CI run unexplained).
    /// </summary>
    private static async Task WaitForUrlAsync(IPage page, string url)
    {
        try
        {
            // The address, then the page's heading, never a load state: three times (CI twice, then here) the browser was
            // at the URL with its heading drawn and no error, yet Chromium never reported a load state for it. Playwright's
            // WaitForURLAsync waits for one whatever WaitUntil says when the page is already at the URL, so the address is
            // polled instead.
            await Assertions.Expect(page).ToHaveURLAsync(GlobPattern(url), new() { Timeout = 90_000 });
            await page.Locator("h1").First.WaitForAsync();
        }
        catch (Exception timeout) when (timeout is TimeoutException or PlaywrightException)
        {
            // What is on the page now, without waiting for anything more (a page with no heading must not hide the report).
            var headings = await page.Locator("h1").AllTextContentsAsync();
            var errors = await page.Locator(".error-summary").AllTextContentsAsync();
            throw new TimeoutException(
                $"Waited for {url}; the browser is at {page.Url}, heading \"{string.Join(" | ", headings).Trim()}\", errors: {string.Join(" | ", errors)}", timeout);
        }
    }

    /// <summary>A Playwright URL glob as a regular expression: <c>**</c> any characters, <c>*</c> any but a slash.</summary>
    private static System.Text.RegularExpressions.Regex GlobPattern(string glob) => new(
        "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static Task ContinueAsync(IPage page) => page.Locator("form.request-form button[type='submit']").First.ClickAsync();

    /// <summary>One walk in one language and one size of screen: what it checked, and what it found.</summary>
    private sealed class Walk(BrowserSession session, ServedPages served, string language, bool phone, ITestOutputHelper output)
    {
        public BrowserSession Session { get; } = session;
        public string LastName { get; } = "Axe" + Guid.NewGuid().ToString("N")[..6];
        public List<string> Problems { get; } = [];
        public HashSet<string> Checked { get; } = new(StringComparer.Ordinal);
        public List<string> Missing { get; } = [];

        /// <summary>A new visitor (their own cookies) who chose the walk's language, on the walk's screen.</summary>
        public async Task<IPage> NewPageAsync()
        {
            var page = await Session.NewPageAsync(phone, bypassCsp: true);
            await page.Context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = Session.BaseUrl,
            }]);
            page.Response += (_, response) =>
            {
                if (response.Status == 404 && response.Request.ResourceType != "document") lock (Missing) Missing.Add(response.Url);
            };
            return page;
        }

        /// <summary>Opens <paramref name="url"/>, waits for <paramref name="ready"/> when given, and checks the page.</summary>
        public async Task CheckAsync(IPage page, string url, int status = 200, string? ready = null, string? name = null)
        {
            var response = await page.GotoAsync(url);
            response.ShouldNotBeNull();
            response.Status.ShouldBe(status, $"{name ?? url} answered {response.Status}");
            if (ready is not null) await page.Locator(ready).First.WaitForAsync();
            await CheckHereAsync(page, name ?? url);
        }

        /// <summary>Runs axe on the page shown now and notes which of the app's pages it is.</summary>
        public async Task CheckHereAsync(IPage page, string name)
        {
            var path = new Uri(page.Url).AbsolutePath;
            var shown = served.PageAt(path);
            shown.ShouldNotBeNull($"{name}: no page of the app answered {path}");
            Checked.Add(shown);
            // The API reference is written for developers, in English only; every other public page is in the visitor's language.
            if (shown != "/ApiReference/Index") (await page.GetAttributeAsync("html", "lang")).ShouldBe(language, $"{name} ({shown})");

            // Only violations are collected in full (not the passes with their nodes), which makes each run several times faster.
            var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] }).WaitAsync(TimeSpan.FromMinutes(1));
            result.Passes.Length.ShouldBeGreaterThan(0, $"axe-core checked nothing on {name}");
            output.WriteLine($"{language} {(phone ? "phone" : "desktop")} {name} ({shown}): {string.Join(", ", result.Violations.Select(v => $"{v.Id} {v.Impact}"))}");
            Problems.AddRange(result.Violations
                .Where(v => Failing.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
                .Select(v => $"{language} {(phone ? "phone" : "desktop")} {name} ({shown}): {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}"));
        }

        /// <summary>A page that answers a PDF, not HTML (axe has nothing to check): it is one, in the walk's language.</summary>
        public async Task ShouldBePdfAsync(IPage page, string url)
        {
            var response = await page.APIRequest.GetAsync(url);
            response.Status.ShouldBe(200, url);
            response.Headers["content-type"].ShouldStartWith("application/pdf", customMessage: url);
            (await response.BodyAsync())[..5].ShouldBe("%PDF-"u8.ToArray(), url);
            var shown = served.PageAt(new Uri(new Uri(Session.BaseUrl), url).AbsolutePath);
            shown.ShouldNotBeNull(url);
            Checked.Add(shown);
        }
    }
}
