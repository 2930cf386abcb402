using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BackOffice.Web.Labels;
using BackOffice.Web.Tests.Disclosures;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.RequestDetail;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace BackOffice.Web.Tests.Labels;

/// <summary>
/// A request worked through the staff screens as clerks do, then every screen that shows it or its trail read as a
/// person reads it (the visible text, not the markup): no identifier of the code, the lifecycle or the audit trail.
/// </summary>
public sealed partial class NoInternalNamesTests(DetailApp app) : IClassFixture<DetailApp>
{
    /// <summary>Seen on the screens before: an enum value, a trigger as audited, a Stateless guard list.</summary>
    private static readonly string[] SeenBefore = ["MentalHealth", "AtRequestOfIndividual", "Action:Approve", "Assign []"];

    [Fact]
    public async Task TheAuditTrail_TheJournal_TheQueue_AndTheOtherScreens_ShowNoInternalNames()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await app.Factory.SignedInAsync("clerk");
        using var reviewer = await app.Factory.SignedInAsync("reviewer");
        await app.ActAsync(clerk, request.Id, "Verify", ("identityChecked", "true"));
        await app.ActAsync(clerk, request.Id, "Assign", ("assignee", "clerk"));
        await app.ActAsync(clerk, request.Id, "StartFulfillment");
        await app.ActAsync(clerk, request.Id, "RecordPages", ("paper", "40"), ("containsMentalHealth", "true"), ("contentsChecked", "true"));
        await app.ActAsync(clerk, request.Id, "SubmitForReview");
        (await app.ActAsync(reviewer, request.Id, "Approve")).State.ShouldBe("AwaitingPayment");
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var problems = new List<string>();
        foreach (var page in new[]
                 {
                     "/Staff", DetailApp.PageOf(request.Id), "/Staff/Requests?state=all", $"/Staff/Audit?TrackingNumber={request.TrackingNumber}",
                     "/Staff/Audit", "/Staff/Dashboard", "/Staff/Incidents", "/Staff/Lifecycle", "/Staff/Users", "/Staff/Rules", "/Staff/Mailing",
                     "/Staff/Retention",
                 })
        {
            var (status, html) = await supervisor.GetPageAsync(page);
            status.ShouldBe(HttpStatusCode.OK, page);
            var text = VisibleText(html);
            problems.AddRange(SeenBefore.Where(seen => text.Contains(seen, StringComparison.Ordinal)).Select(seen => $"{page}: \"{seen}\""));
            problems.AddRange(Identifiers().Where(id => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])")).Select(id => $"{page}: {id}"));
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
        // The words are there instead.
        var detail = VisibleText((await supervisor.GetPageAsync(DetailApp.PageOf(request.Id))).Html);
        detail.ShouldContain("At the patient's request (personal use)");
        detail.ShouldContain("Mental health and developmental disabilities records");
        detail.ShouldContain("Identity checked: yes");
        detail.ShouldContain("Assigned to: Demo Clerk (clerk)");
        var audit = VisibleText((await supervisor.GetPageAsync($"/Staff/Audit?TrackingNumber={request.TrackingNumber}")).Html);
        audit.ShouldContain("Action on a request: Approve");
        audit.ShouldContain("Opened a request");
    }

    [Fact]
    public async Task TheAccountingOfDisclosures_OnScreen_InCsv_AndInPdf_WordsTheWithheldCategoriesAndThePurpose()
    {
        // A patient's own records, mailed, with two categories the patient left out: the release the accounting lists.
        var last = DisclosuresApp.NewLastName();
        var draft = RequestScenarios.PatientDraft(DeliveryMethod.Mail);
        SensitiveCategory[] withheld = [SensitiveCategory.MentalHealth, SensitiveCategory.Hiv];
        var request = await app.Factory.StartAsync(draft with
        {
            Patient = draft.Patient with { LastName = last },
            Consents = [.. withheld.Select(c => new SensitiveConsent { Category = c, Granted = false })],
        });
        var state = await app.Factory.ThroughReviewWithExclusionsAsync(request.Id, paperPages: 3, contains: withheld);
        if (state == "AwaitingPayment") await app.Factory.PayInFullAsync(request.Id);
        (await app.Factory.FireAsync(request.Id, "Mail", RequestScenarios.Clerk)).ToState.ShouldBe("Completed");
        // Stored as it always was (enum names), so rows logged before this read the same as new ones.
        var stored = await app.Factory.QueryAsync(db => db.Disclosures.AsNoTracking().SingleAsync(d => d.RequestId == request.Id));
        stored.Purpose.ShouldBe(nameof(RequestPurpose.AtRequestOfIndividual));
        stored.Description.ShouldEndWith("; withheld: MentalHealth, Hiv");
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var search = DisclosuresApp.Search(last, "All");

        var screen = VisibleText(await (await clerk.PostFormAsync(DisclosuresApp.Path, search)).Content.ReadAsStringAsync());
        var csvBytes = await (await clerk.PostFormAsync(DisclosuresApp.Path, search, DisclosuresApp.Path + "?handler=Csv")).Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(csvBytes);
        var pdfBytes = await (await clerk.PostFormAsync(DisclosuresApp.Path, search, DisclosuresApp.Path + "?handler=Pdf")).Content.ReadAsByteArrayAsync();
        string pdf;
        using (var document = PdfDocument.Open(pdfBytes))
            pdf = string.Join(' ', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));

        var problems = new List<string>();
        foreach (var (where, text, wrapped) in new[] { ("/Staff/Disclosures", screen, false), ("the CSV export", csv, false), ("the PDF export", pdf, true) })
        {
            text.ShouldContain(request.TrackingNumber, customMessage: where);
            problems.AddRange(SeenBefore.Where(seen => text.Contains(seen, StringComparison.Ordinal)).Select(seen => $"{where}: \"{seen}\""));
            problems.AddRange(Identifiers().Concat(withheld.Select(c => c.ToString())).Distinct(StringComparer.Ordinal)
                .Where(id => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])")).Select(id => $"{where}: {id}"));
            // The PDF's table wraps each cell in its column, so its text runs row by row across the cells: there, the words in order.
            foreach (var words in new[] { "At the patient's request (personal use)", "withheld: Mental health and developmental disabilities records, HIV test information" })
                (wrapped ? InOrder(text, words) : text.Contains(words, StringComparison.Ordinal)).ShouldBeTrue($"{where}: \"{words}\" in {text}");
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    /// <summary>Names of the code that have a capital inside (so are never English): multi-word enum values, states,
    /// actions, audit actions and journal inputs.</summary>
    private static List<string> Identifiers()
    {
        var names = new List<string>();
        foreach (var type in PlainWords.EnumTypes) names.AddRange(Enum.GetNames(type));
        var definitions = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json")
            .Select(path => LifecycleDefinition.Parse(File.ReadAllText(path), path)).ToList();
        names.AddRange(definitions.SelectMany(d => d.States.Select(s => s.Name)));
        names.AddRange(definitions.SelectMany(d => d.Transitions.Select(t => t.Trigger)));
        names.AddRange(["ViewRequest", "ViewDocument", "AddNote", "UploadDocument", "ViewQueue", "ViewAudit", "ViewDashboard", "PaperIntake",
            "identityChecked", "contentsChecked", "containsMentalHealth", "exclusionsApplied", "DraftEdited", "DraftCreated", "RulesAdmin",
            "RetentionPurge", "RetentionRun", "RetentionDryRun", "ViewRetention"]);
        return [.. names.Where(n => InnerCapital().IsMatch(n)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether the words of <paramref name="phrase"/> appear in <paramref name="text"/> in that order (other words may come between).</summary>
    private static bool InOrder(string text, string phrase)
    {
        var at = 0;
        foreach (var word in phrase.Split(' '))
        {
            at = text.IndexOf(word, at, StringComparison.Ordinal);
            if (at < 0) return false;
            at += word.Length;
        }

        return true;
    }

    /// <summary>What a person reads: the text outside tags, scripts and styles, entities decoded.</summary>
    private static string VisibleText(string html)
    {
        var withoutCode = HiddenParts().Replace(html, " ");
        return WebUtility.HtmlDecode(Tag().Replace(withoutCode, " "));
    }

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex InnerCapital();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenParts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
