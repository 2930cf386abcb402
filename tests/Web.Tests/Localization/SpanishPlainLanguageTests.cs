using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Localization;

/// <summary>
/// What the plain-language review of the Spanish texts fixed stays fixed: the reader is addressed as usted throughout, the
/// anglicisms it removed do not come back, the paper form's sections are named as the form names them ("Sección 4"), and
/// the questions line's hours (which end "p. m.") are never followed by a second period.
/// </summary>
public sealed partial class SpanishPlainLanguageTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Every Spanish text a requester may read: the resource files, the e-mail templates and the site's Spanish
    /// sentences shipped in the app's settings (a notice, a contact line, a tagline).</summary>
    private static IEnumerable<(string File, string Text)> SpanishTexts()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "src", "Web"), "*.es.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var value in XDocument.Load(file).Root!.Elements("data").Select(d => (string?)d.Element("value") ?? ""))
                yield return (Path.GetFileName(file), value);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Root, "templates", "messages"), "*.es.*"))
            yield return (Path.GetFileName(file), File.ReadAllText(file));

        foreach (var file in Directory.GetFiles(Path.Combine(Root, "src", "Web"), "appsettings*.json"))
        {
            using var settings = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var (path, text) in SpanishSettings(settings.RootElement, "", inSpanish: false))
                yield return ($"{Path.GetFileName(file)} {path}", text);
        }
    }

    /// <summary>The string values under an "es" key (BackOffice:Site:Languages:es:Notice, …:Taglines:es), by their path.</summary>
    private static IEnumerable<(string Path, string Text)> SpanishSettings(JsonElement element, string path, bool inSpanish)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var found in SpanishSettings(property.Value, path + ":" + property.Name, inSpanish || property.Name == "es"))
                        yield return found;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in SpanishSettings(item, path, inSpanish)) yield return found;
                }

                break;
            case JsonValueKind.String when inSpanish:
                yield return (path.TrimStart(':'), element.GetString()!);
                break;
        }
    }

    [Fact]
    public void SpanishTexts_IncludeTheSitesSpanishSentences_FromTheSettings()
    {
        var settings = SpanishTexts().Where(t => t.File.StartsWith("appsettings", StringComparison.Ordinal)).ToList();

        settings.ShouldContain(t => t.File.EndsWith("BackOffice:Site:Languages:es:Notice", StringComparison.Ordinal));
        settings.ShouldContain(t => t.File.EndsWith("BackOffice:LanguageAssistance:Taglines:es", StringComparison.Ordinal));
        // The English notice is not read as Spanish.
        settings.ShouldNotContain(t => t.Text.Contains("Delivery update", StringComparison.Ordinal));
    }

    [Fact]
    public void SpanishTexts_AddressTheReaderAsUsted_NeverAsTu()
    {
        var texts = SpanishTexts().ToList();
        texts.Count.ShouldBeGreaterThan(500);
        foreach (var (file, text) in texts) TuForm().IsMatch(text).ShouldBeFalse($"{file}: \"{text}\"");
    }

    [Fact]
    public void SpanishTexts_UseNoneOfTheAnglicismsTheReviewRemoved()
    {
        foreach (var (file, text) in SpanishTexts()) Anglicism().IsMatch(text).ShouldBeFalse($"{file}: \"{text}\"");
    }

    [Fact]
    public void SpanishTexts_NameTheFormsSectionsAsTheFormDoes()
    {
        foreach (var (file, text) in SpanishTexts()) LowercaseSection().IsMatch(text).ShouldBeFalse($"{file}: \"{text}\"");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/status")]
    [InlineData("/fees")]
    [InlineData("/request")]
    public async Task SpanishPages_GiveTheQuestionsLineHours_WithoutADoubledPeriod(string path)
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var (status, html) = await client.GetInSpanishAsync(path);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("p. m..");
        html.ShouldContain("Llame al 1-630-873-8748 (de lunes a viernes, de 8 a. m. a 5 p. m.).");
        if (path == "/") html.ShouldContain("1-630-873-8748</a> (de lunes a viernes, de 8 a. m. a 5 p. m.).");
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BackOffice.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository (BackOffice.sln) was not found above the test assembly.");
    }

    [GeneratedRegex(@"\b(tu|tus|ti|contigo|puedes|tienes|quieres|necesitas|debes|llámanos|escríbenos)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TuForm();

    // "asociado" for an employee, "reclamo" for a benefit claim, Spain's "recogida" where the site says "recoger en persona".
    [GeneratedRegex(@"\b(asociad[oa]s?|reclamos?|recogida)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anglicism();

    [GeneratedRegex(@"\bsección (\d|\{)")]
    private static partial Regex LowercaseSection();
}
