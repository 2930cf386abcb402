using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackOffice.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Tests.Localization;

/// <summary>Every English text has its Spanish, with the same placeholders; the shipped rules' words are all translated.</summary>
public sealed partial class TranslationsTests
{
    // Translation memories: keyed by the English text itself, so their English file is empty on purpose (the
    // data-annotation messages too: the attributes carry the English).
    private static readonly string[] KeyedByEnglish = ["RuleWords", "SiteWords", "ValidationMessages"];

    private static string WebSource()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BackOffice.sln"))) folder = folder.Parent;
        return Path.Combine(folder.ShouldNotBeNull("the checkout").FullName, "src", "Web");
    }

    private static Dictionary<string, string> Entries(string file) => XDocument.Load(file).Root!.Elements("data")
        .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    public static TheoryData<string> EnglishResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(WebSource(), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).Contains(".es.", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                         && !f.Contains("/obj/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            // A resource keyed by its English text (an empty English file; e.g. Localization/ValidationMessages) holds only
            // Spanish: its completeness is checked by the wizard's translation tests, text by text.
            if (!File.ReadAllText(file).Contains("<data ", StringComparison.Ordinal)) continue;
            data.Add(Path.GetRelativePath(WebSource(), file));
        }

        return data;
    }

    [Fact]
    public void TheWebProject_HasResources()
    {
        EnglishResources().Count.ShouldBeGreaterThan(10);
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void EveryEnglishText_HasASpanishOne_WithTheSamePlaceholders(string resource)
    {
        var english = Entries(Path.Combine(WebSource(), resource));
        var spanishFile = Path.Combine(WebSource(), resource[..^".resx".Length] + ".es.resx");
        File.Exists(spanishFile).ShouldBeTrue($"{resource} has no Spanish file");
        var spanish = Entries(spanishFile);

        if (KeyedByEnglish.Any(name => Path.GetFileNameWithoutExtension(resource) == name))
        {
            english.ShouldBeEmpty();
            spanish.ShouldNotBeEmpty();
            spanish.Values.ShouldAllBe(v => v.Trim().Length > 0);
            return;
        }

        spanish.Keys.Order(StringComparer.Ordinal).ShouldBe(english.Keys.Order(StringComparer.Ordinal), $"{resource}: keys differ");
        foreach (var (key, text) in english)
        {
            Placeholders(spanish[key]).ShouldBe(Placeholders(text), $"{resource}: {key}");
            Markup(spanish[key]).ShouldBe(Markup(text), $"{resource}: {key}");
            spanish[key].Trim().ShouldNotBeEmpty($"{resource}: {key}");
        }
    }

    [Fact]
    public void EveryWordTheShippedRulesShowARequester_HasItsSpanish()
    {
        var words = new RuleWords(new StringLocalizer<RuleWords>(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));
        var texts = RequesterTexts(Path.Combine(AppContext.BaseDirectory, "rules")).ToList();
        texts.Count.ShouldBeGreaterThan(40);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
            var untranslated = texts.Where(t => words.Text(t) == t).ToList();
            untranslated.ShouldBeEmpty();
            words.FeeDescription("Paper copies, pages 1-25: 25 × 1.30").ShouldBe("Copias en papel, páginas 1 a 25: 25 × 1.30");

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            words.Text("Handling charge").ShouldBe("Handling charge");
            words.Text("A note a clerk typed").ShouldBe("A note a clerk typed");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Fee lines and their basis, missing authorization elements and where to ask instead: what a requester reads.</summary>
    private static IEnumerable<string> RequesterTexts(string rules)
    {
        foreach (var file in Directory.EnumerateFiles(rules, "*.json").Where(f => !f.Contains("schema", StringComparison.Ordinal) && !f.Contains("test-cases", StringComparison.Ordinal)))
        {
            var fees = Path.GetFileName(file).StartsWith("fees", StringComparison.Ordinal);
            foreach (var (name, value) in Strings(JsonDocument.Parse(File.ReadAllText(file)).RootElement))
            {
                if ((fees && name is "description" or "basis") || name is "missing" or "redirectTo") yield return value;
            }
        }
    }

    private static IEnumerable<(string Name, string Value)> Strings(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String) yield return (property.Name, property.Value.GetString()!);
                foreach (var inner in Strings(property.Value)) yield return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Strings(item)) yield return inner;
            }
        }
    }

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static List<string> Markup(string text) => [.. TagPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"</?[a-z]+[^>]*>")]
    private static partial Regex TagPattern();
}
