using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Localization;
using BackOffice.Web.Pages.Request;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.Localization;

/// <summary>
/// Nothing a Spanish reader of the online request sees falls back to English because a translation is missing: every
/// English text the code writes (choices, section titles, the form's and the domain's messages, the page models' and the
/// uploads' messages, the field limits) has its Spanish translation. (Every key of an English resource file having its
/// Spanish entry is <see cref="TranslationsTests"/>; the rules' words, <c>RuleWords</c>, too.)
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");
    private static readonly string Root = FindRoot();
    private static readonly string WebSource = Path.Combine(Root, "src", "Web");
    private static readonly bool[] ThirdPartyOrNot = [true, false];
    // The capacities a signature is stored in besides the authorities' words.
    private static readonly string[] StoredCapacities = ["Patient", "Personal representative"];
    private static readonly string[] CategoryNotices = ["MentalHealth", "Hiv", "SubstanceUseDisorder"];

    [Fact]
    public void TheWizardsPagesAndPartials_AllHaveEnglishAndSpanishResourceFiles()
    {
        string[] views =
        [
            "Pages/Request/Index", "Pages/Request/Patient", "Pages/Request/Release", "Pages/Request/Information", "Pages/Request/Delivery",
            "Pages/Request/Purpose", "Pages/Request/Sign", "Pages/Request/Review", "Pages/Request/Done", "Pages/Request/_Progress",
            "Pages/Request/_StepButtons", "Pages/Shared/_ErrorSummary", "Pages/Shared/_Address", "Pages/Shared/_DeceasedStanding",
        ];
        foreach (var view in views)
        {
            var english = Path.Combine(WebSource, view + ".resx");
            File.Exists(english).ShouldBeTrue(view);
            Entries(english).Count.ShouldBeGreaterThan(0, view);
            File.Exists(Path.Combine(WebSource, view + ".es.resx")).ShouldBeTrue(view);
            // The page reads its words from its resource files.
            File.ReadAllText(Path.Combine(WebSource, view + ".cshtml")).ShouldContain("IViewLocalizer L", customMessage: view);
        }
    }

    /// <summary>The resource files keyed by the English are found at run time under their class's name (satellite assembly).</summary>
    [Fact]
    public void EveryClassTranslatingItsEnglish_FindsItsSpanishFile_AtRunTime()
    {
        var assembly = typeof(Translations).Assembly;
        var owners = Directory.GetFiles(WebSource, "*.es.resx", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f) && File.Exists(f[..^".es.resx".Length] + ".cs"))
            .ToList();
        owners.Count.ShouldBeGreaterThanOrEqualTo(9);
        foreach (var file in owners)
        {
            var relative = Path.GetRelativePath(WebSource, file[..^".es.resx".Length]);
            var typeName = "BackOffice.Web." + relative.Replace(Path.DirectorySeparatorChar, '.');
            var type = assembly.GetType(typeName).ShouldNotBeNull(typeName);
            var (key, text) = Entries(file).First();
            new Translations(type).Find(key, Spanish).ShouldBe(text, typeName);
        }
    }

    [Fact]
    public void EveryChoiceTheWizardOffers_HasItsSpanishWords()
    {
        var site = new SiteOptions();
        // Each choice in English (as stored and printed) and as a Spanish reader sees it.
        List<(string English, string Spanish)> words =
        [
            .. RequestLabels.RecordTypes.Select(t => (t, RequestLabels.RecordType(t, Spanish))),
            .. Enum.GetValues<RequesterType>().Select(t => (RequestLabels.Requester(t, RequestLabels.Stored), RequestLabels.Requester(t, Spanish))),
            .. Enum.GetValues<RepresentativeAuthority>().Select(a => (RequestLabels.Authority(a, RequestLabels.Stored), RequestLabels.Authority(a, Spanish))),
            .. Enum.GetValues<SensitiveCategory>().Select(c => (RequestLabels.Category(c, RequestLabels.Stored), RequestLabels.Category(c, Spanish))),
            .. Enum.GetValues<DeliveryMethod>().Select(d => (RequestLabels.Delivery(d, RequestLabels.Stored), RequestLabels.Delivery(d, Spanish))),
            .. Enum.GetValues<RecordFormat>().Select(f => (RequestLabels.Format(f, RequestLabels.Stored), RequestLabels.Format(f, Spanish))),
            .. Enum.GetValues<RequestPurpose>().Select(p => (RequestLabels.Purpose(p, RequestLabels.Stored), RequestLabels.Purpose(p, Spanish))),
            .. Enum.GetValues<RecipientChoice>().SelectMany(c => ThirdPartyOrNot
                .Select(thirdParty => (RequestLabels.Receives(c, thirdParty, RequestLabels.Stored), RequestLabels.Receives(c, thirdParty, Spanish)))),
            .. StoredCapacities.Select(c => (c, RequestLabels.SignerRelationship(c, Spanish))),
            (RequestLabels.Location(RecordsLocation.MedicalGroup, site, RequestLabels.Stored), RequestLabels.Location(RecordsLocation.MedicalGroup, site, Spanish)),
            (RequestLabels.Location(RecordsLocation.OtherFacility, site, RequestLabels.Stored), RequestLabels.Location(RecordsLocation.OtherFacility, site, Spanish)),
        ];

        foreach (var (english, spanish) in words) spanish.ShouldNotBe(english, $"\"{english}\" has no Spanish words");
        RequestLabels.Location(RecordsLocation.MedicalGroup, site, Spanish).ShouldBe($"{site.OrganisationName} (nuestras clínicas y consultorios)");
        RequestLabels.Delivery(DeliveryMethod.Mail, Spanish).ShouldBe("Correo postal");
        RequestLabels.Delivery(DeliveryMethod.Mail, RequestLabels.Stored).ShouldBe("Mail");
    }

    [Fact]
    public void EverySectionAndStep_HasItsSpanishTitle()
    {
        foreach (var section in Enum.GetValues<FormSection>())
            FormSections.Title(section, Spanish).ShouldNotBe(FormSections.Title(section, RequestLabels.Stored), section.ToString());
        FormSections.Heading(FormSection.Delivery, Spanish).ShouldBe("Sección 4: Entrega y formato");
        FormSections.Heading(FormSection.Delivery, RequestLabels.Stored).ShouldBe("Section 4: Delivery and format");

        using (SiteLanguages.Use(SiteLanguages.Spanish))
            RequestSteps.All.Select(step => step.Title).ShouldBe(
                ["Quién hace la solicitud", "Paciente", "Quién divulga y quién recibe", "Información que se divulga", "Entrega y formato",
                 "Propósito y vencimiento", "Firma e identificación con foto"]);
        using (SiteLanguages.Use(SiteLanguages.English))
            RequestSteps.Get(RequestStep.Sign).Title.ShouldBe("Signature and photo ID");
    }

    /// <summary>Every message <see cref="RecordsRequestDraft.Validate"/> can return, read from its source, has a translation.</summary>
    [Fact]
    public void EveryMessageTheDomainsValidationCanReturn_HasASpanishTranslation()
    {
        var source = File.ReadAllText(Path.Combine(Root, "src", "Workflows", "Requests", "RecordsRequestDraft.cs"));
        var messages = RequireMessage().Matches(source).Select(m => Unescape(m.Groups[1].Value)).ToList();
        var calls = Regex.Count(source, @"\bRequire\(") - 1; // less the local function's own declaration
        messages.Count.ShouldBe(calls, "every Require(…) call ends with its message as one string");
        messages.Count.ShouldBeGreaterThanOrEqualTo(21);

        foreach (var message in messages)
            DraftMessages.Find(message, Spanish).ShouldNotBeNullOrWhiteSpace($"\"{message}\" has no Spanish translation");

        // What Validate returns is exactly these texts (so translating by the English finds them).
        var returned = new RecordsRequestDraft { Channel = RequestChannel.Online, Delivery = DeliveryMethod.Mail, Locations = [RecordsLocation.OtherFacility] }
            .Validate(new DateOnly(2026, 3, 31)).Select(error => error.Message).ToList();
        returned.Count.ShouldBeGreaterThan(5);
        returned.ShouldAllBe(message => messages.Contains(message));
    }

    /// <summary>Every English text the web code hands to a translation (<c>Words.Text("…")</c>, <c>WizardWords.Format("…")</c>) has its Spanish.</summary>
    [Fact]
    public void EveryEnglishTextTheCodeTranslates_HasItsSpanish()
    {
        var checkedTexts = 0;
        foreach (var file in Directory.GetFiles(WebSource, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            foreach (Match call in TranslatedLiteral().Matches(File.ReadAllText(file)))
            {
                var owner = call.Groups["owner"].Value;
                var translations = owner == "Words"
                    ? Path.ChangeExtension(file, ".es.resx")
                    : Directory.GetFiles(WebSource, owner + ".es.resx", SearchOption.AllDirectories).Single(f => !IsBuildOutput(f));
                var english = Unescape(call.Groups["english"].Value);
                File.Exists(translations).ShouldBeTrue($"{Path.GetFileName(file)}: no {Path.GetFileName(translations)}");
                Entries(translations).TryGetValue(english, out var spanish).ShouldBeTrue($"{Path.GetFileName(file)}: \"{english}\" has no Spanish");
                Placeholders(spanish!).ShouldBe(Placeholders(english), english);
                checkedTexts++;
            }
        }

        checkedTexts.ShouldBeGreaterThanOrEqualTo(50);
    }

    /// <summary>A legal statement reads the same in Spanish where the authorization is signed and in the cover letter.</summary>
    [Fact]
    public void TheRedisclosureNotices_ReadTheSameOnTheSignPageAsInTheCoverLetter()
    {
        var sign = Entries(Path.Combine(WebSource, "Pages", "Request", "Sign.es.resx"));
        var letters = Entries(Path.Combine(WebSource, "Pdf", "Documents", "LetterWords.es.resx"));

        foreach (var notice in CategoryNotices)
            sign["Notice" + notice].ShouldBe(letters["Notice." + notice], notice);
    }

    [Fact]
    public void TheFormsEmailMessages_HaveTheirSpanish()
    {
        var checks = Entries(Path.Combine(WebSource, "AuthorizationForm", "AuthorizationFormChecks.es.resx"));
        checks.ShouldContainKey(AuthorizationFormChecks.EmailMessage);
        checks.ShouldContainKey(AuthorizationFormChecks.OneEmailMessage);
    }

    /// <summary>The limits on every input of the wizard (data annotations) are worded in Spanish too.</summary>
    [Fact]
    public void EveryFieldLimitMessageOfTheWizard_HasASpanishTranslation()
    {
        var spanish = Entries(Path.Combine(WebSource, "Localization", "ValidationMessages.es.resx"));
        var types = typeof(AuthorizationFormInput).Assembly.GetTypes()
            .Where(t => t.Namespace is "BackOffice.Web.AuthorizationForm" or "BackOffice.Web.Pages.Request");
        var messages = types
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(p => p.GetCustomAttributes<ValidationAttribute>())
            .Select(a => a.ErrorMessage)
            .Distinct()
            .ToList();

        messages.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var message in messages)
        {
            message.ShouldNotBeNull("a limit without its own message would be worded by .NET, in English");
            spanish.ShouldContainKey(message!);
        }
    }

    private static Dictionary<string, string> Entries(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    private static string Unescape(string literal) => Regex.Unescape(literal);

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BackOffice.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository (BackOffice.sln) was not found above the test assembly.");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // Require(<condition>, "Field", "Message"); — the message is the call's last argument.
    [GeneratedRegex(@"""\s*,\s*""((?:[^""\\]|\\.)*)""\s*\);")]
    private static partial Regex RequireMessage();

    [GeneratedRegex(@"\b(?<owner>Words|\w+Words)\.(?:Text|Format|FormatIn)\(\s*""(?<english>(?:[^""\\]|\\.)*)""")]
    private static partial Regex TranslatedLiteral();
}
