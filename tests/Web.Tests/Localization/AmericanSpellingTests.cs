using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Tests.Localization;

/// <summary>
/// The English that users read is spelled one way, the American way ("organization", "itemized", "fulfillment"), on the
/// public pages, the staff screens, the e-mails, the letters and PDFs, the API's messages and its OpenAPI document. The
/// sources are read as written: the English resource files, the message templates, the text of the Razor views, the
/// sentences in the code (string literals with a space, and the English keys of <c>Translations</c>), the rules' words
/// and the English settings. Identifiers, routes, settings keys and columns keep their names ("Organisation",
/// "/Staff/Organisations"): a word joined to code (<c>Model.Organisation</c>, <c>{{OrganisationName}}</c>) is not read.
/// </summary>
public sealed partial class AmericanSpellingTests
{
    private static readonly string Root = FindRoot();

    /// <summary>The projects whose code holds sentences users read (messages, labels, problem details, OpenAPI text).</summary>
    private static readonly string[] Projects = ["Web", "Workflows", "Rules"];

    [Fact]
    public void TheEnglishUsersRead_HasNoBritishSpelling()
    {
        var texts = EnglishTexts().ToList();
        texts.Select(t => t.Where.Split(':')[0]).Distinct().Count().ShouldBeGreaterThan(150);

        var problems = texts.SelectMany(t => British().Matches(t.Text).Select(m => $"{t.Where}: \"{m.Value}\" in \"{Excerpt(t.Text, m.Index)}\""))
            .Distinct().ToList();

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheLifecycleLabels_WithABritishSpelling_AreNeverShown_BecauseTheirActionsHaveWords()
    {
        // Registered definition versions cannot change (the app refuses a version whose file differs), so "Start
        // fulfilment" stays in v1–v3; the screens show PlainWords' words for the action instead of the label.
        var problems = new List<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "workflows"), "*.json"))
        {
            var definition = LifecycleDefinition.Parse(File.ReadAllText(path), path);
            foreach (var transition in definition.Transitions.Where(t => t.Label is { } label && British().IsMatch(label)))
            {
                if (!PlainWords.HasTrigger(transition.Trigger)) problems.Add($"{Path.GetFileName(path)}: {transition.Trigger} \"{transition.Label}\"");
                else British().IsMatch(PlainWords.Trigger(transition.Trigger, transition.Label)).ShouldBeFalse(transition.Trigger);
            }

            foreach (var state in definition.States.Where(s => s.Description is { } description && British().IsMatch(description)))
                problems.Add($"{Path.GetFileName(path)}: state {state.Name} \"{state.Description}\"");
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("Register an organisation", true)]
    [InlineData("The itemised invoice", true)]
    [InlineData("Enough for the patient to recognise it.", true)]
    [InlineData("the organisation.", true)]
    [InlineData("Start fulfilment", true)]
    [InlineData("Register an organization", false)]
    [InlineData("@organisation.Name", false)]
    [InlineData("Model.Organisation", false)]
    [InlineData("{{OrganisationName}}", false)]
    [InlineData("RequesterOrganisation", false)]
    [InlineData("The request was cancelled", false)]
    public void TheCheck_FindsBritishWords_NotIdentifiers(string text, bool british) =>
        British().IsMatch(text).ShouldBe(british);

    [Fact]
    public void ARazorViewsText_IsItsMarkupTextAndItsSentences_NotItsCode()
    {
        const string view = """
            @{
                var organisation = Model.Organisation;
                ViewData["Title"] = "Requester organisations";
            }
            @* an organisation's comment *@
            <h1 class="x">Keys of @organisation.Name</h1>
            @foreach (var (organisation, keys) in Model.Rows)
            {
                <p>@(organisation.WebhookUrl is null ? "Set the webhook" : "Replace it") for the organisation</p>
            }
            """;

        var text = string.Join(" | ", ViewText(view));

        British().Matches(text).Select(m => m.Value).ShouldBe(["organisations", "organisation"]);
        text.ShouldContain("Set the webhook");
        text.ShouldNotContain("comment");
    }

    /// <summary>Every English text a user may read, each with where it is.</summary>
    private static IEnumerable<(string Where, string Text)> EnglishTexts()
    {
        var web = Path.Combine(Root, "src", "Web");
        foreach (var file in SourceFiles(web, "*.resx").Where(f => !f.EndsWith(".es.resx", StringComparison.Ordinal)))
        {
            foreach (var value in XDocument.Load(file).Root!.Elements("data").Select(d => (string?)d.Element("value") ?? ""))
                yield return (Relative(file), value);
        }

        foreach (var file in SourceFiles(Path.Combine(Root, "templates"), "*.*")
                     .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
                     .Where(f => !Path.GetFileName(f).Contains(".es.", StringComparison.Ordinal)))
            yield return (Relative(file), File.ReadAllText(file));

        foreach (var file in SourceFiles(web, "*.cshtml"))
        {
            foreach (var text in ViewText(File.ReadAllText(file))) yield return (Relative(file), text);
        }

        foreach (var file in Projects.SelectMany(project => SourceFiles(Path.Combine(Root, "src", project), "*.cs"))
                     .Concat(SourceFiles(Path.Combine(web, "wwwroot", "js"), "*.js"))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var text in CodeSentences(File.ReadAllText(file))) yield return (Relative(file), text);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Root, "rules"), "*.json").Where(f => !f.Contains("schema", StringComparison.Ordinal)))
        {
            using var rules = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var text in Strings(rules.RootElement, skip: _ => false)) yield return (Relative(file), text);
        }

        foreach (var file in Directory.GetFiles(web, "appsettings*.json"))
        {
            using var settings = JsonDocument.Parse(File.ReadAllText(file));
            // The site's sentences in other languages ("Languages": { "es": … }, a tagline per language) are not English.
            foreach (var text in Strings(settings.RootElement, skip: name => name is "Languages" || (name.Length == 2 && name != "en")))
                yield return (Relative(file), text);
        }
    }

    /// <summary>
    /// What a view shows: its markup's text and the sentences it writes (quoted, with a space), without its code
    /// (<c>@{ … }</c> blocks, <c>@( … )</c>, <c>@Model.X</c> and the conditions of <c>@if</c>/<c>@foreach</c>) or comments.
    /// </summary>
    private static IEnumerable<string> ViewText(string view)
    {
        var source = RazorComment().Replace(view, " ");
        foreach (Match literal in Literal().Matches(source))
        {
            if (literal.Value.Any(char.IsWhiteSpace)) yield return literal.Value;
        }

        var text = new System.Text.StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] != '@' || i + 1 >= source.Length)
            {
                text.Append(source[i]);
                continue;
            }

            var next = source[i + 1];
            if (next is '{' or '(') i = Balanced(source, i + 1);
            else if (char.IsLetter(next))
            {
                var end = i + 1;
                while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] is '.' or '_' || source[end] is '(' or '['))
                    end = source[end] is '(' or '[' ? Balanced(source, end) + 1 : end + 1;
                // @if (…), @foreach (…): the condition after the keyword.
                var rest = end;
                while (rest < source.Length && source[rest] == ' ') rest++;
                i = rest < source.Length && source[rest] == '(' ? Balanced(source, rest) : end - 1;
            }
            else text.Append(source[i]);

            text.Append(' ');
        }

        yield return Tag().Replace(Literal().Replace(text.ToString(), " "), " ");
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, skipping quoted text.</summary>
    private static int Balanced(string source, int open)
    {
        var (opening, closing) = source[open] switch { '{' => ('{', '}'), '[' => ('[', ']'), _ => ('(', ')') };
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            if (source[i] == '"')
            {
                i = source.IndexOf('"', i + 1);
                if (i < 0) return source.Length - 1;
                continue;
            }

            if (source[i] == opening) depth++;
            else if (source[i] == closing && --depth == 0) return i;
        }

        return source.Length - 1;
    }

    /// <summary>The code's sentences: string literals with a space, and the English keys given to a translation
    /// (<c>Words.Text("Organization", …)</c>); comments and identifiers are not read.</summary>
    private static IEnumerable<string> CodeSentences(string code)
    {
        foreach (var line in code.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
        {
            var withoutChars = CharLiteral().Replace(line, "' '");
            foreach (Match literal in Literal().Matches(withoutChars))
            {
                var before = withoutChars[..literal.Index];
                if (literal.Value.Contains(' ', StringComparison.Ordinal) || TranslationKey().IsMatch(before)) yield return literal.Value;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element, Func<string, bool> skip)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => !skip(p.Name)))
                {
                    foreach (var text in Strings(property.Value, skip)) yield return text;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Strings(item, skip)) yield return text;
                }

                break;
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
        }
    }

    private static IEnumerable<string> SourceFiles(string folder, string pattern) => Directory.Exists(folder)
        ? Directory.GetFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
        : [];

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        return text.Substring(start, Math.Min(text.Length - start, 100)).ReplaceLineEndings(" ");
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BackOffice.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository (BackOffice.sln) was not found above the test assembly.");
    }

    /// <summary>
    /// British spellings of words the app could use, as whole words not joined to code (no letter, <c>@</c>, <c>{</c> or
    /// <c>x.</c> before; no letter, <c>.x</c> or <c>}</c> after). "Cancelled" is American too and is kept throughout.
    /// </summary>
    [GeneratedRegex("""
        (?<![\w@{])(?<!\w\.)(?:
          [Oo]rganis(?:e|es|ed|ing|ation|ations|ational) | [Ii]temis(?:e|ed|es|ing) | [Rr]ecognis(?:e|ed|es|ing|able)
        | [Aa]uthoris(?:e|ed|es|ing|ation|ations) | [Ss]ummaris(?:e|ed|es|ing) | [Pp]rioritis(?:e|ed|es|ing)
        | [Mm]inimis(?:e|ed|es|ing) | [Aa]pologis(?:e|ed|es|ing) | [Cc]ustomis(?:e|ed|es|ing) | [Ff]inalis(?:e|ed|es|ing)
        | [Rr]ealis(?:e|ed|es|ing) | [Uu]tilis(?:e|ed|es|ing) | [Ss]tandardis(?:e|ed|es|ing) | [Oo]ptimis(?:e|ed|es|ing)
        | [Pp]ersonalis(?:e|ed|es|ing) | [Ss]pecialis(?:e|ed|es|ing) | [Aa]nonymis(?:e|ed|es|ing) | [Cc]ategoris(?:e|ed|es|ing)
        | [Nn]ormalis(?:e|ed|es|ing) | [Ee]mphasis(?:e|ed|es|ing) | [Cc]riticis(?:e|ed|es|ing) | [Dd]igitis(?:e|ed|es|ing)
        | [Ii]mmunis(?:e|ed|es|ing|ation|ations) | [Hh]ospitalis(?:e|ed|es|ing|ation|ations) | [Aa]nalys(?:e|ed|es|ing)
        | [Cc]olour(?:s|ed|ing)? | [Ll]icences? | [Cc]atalogues? | [Bb]ehaviours? | [Cc]entre[sd]? | [Ff]avour(?:s|ed|ite|able)?
        | [Hh]onour(?:s|ed)? | [Nn]eighbour(?:s|ing|hood)? | [Ff]ulfil | [Ff]ulfils | [Ff]ulfilment | [Ee]nrolments? | [Ii]nstalments?
        | [Cc]heques? | [Pp]rogrammes? | [Dd]efence | [Oo]ffence | [Pp]ractis(?:e|ed|es|ing) | [Ee]nquir(?:y|ies) | [Gg]rey
        | [Tt]ravell(?:ed|ing|er) | [Mm]odell(?:ed|ing) | [Ll]abell(?:ed|ing) | [Dd]iall(?:ed|ing) | [Jj]udgement | [Aa]cknowledgement
        | [Pp]aediatric\w* | [Aa]naesthe\w* | [Oo]rthopaedic\w* | [Gg]ynaecolog\w* | [Hh]aemo\w* | [Aa]naemi\w* | [Oo]edema | [Ff]oetal
        | [Pp]ostcodes?
        )(?!\w|\.\w|\})
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex British();

    [GeneratedRegex("@\\*.*?\\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex Literal();

    [GeneratedRegex("'(?:[^'\\\\\\n]|\\\\.)'")]
    private static partial Regex CharLiteral();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b(?:Text|Format|FormatIn)\(\s*$")]
    private static partial Regex TranslationKey();
}
