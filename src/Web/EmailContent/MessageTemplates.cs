using System.Text.RegularExpressions;

namespace BackOffice.Web.EmailContent;

/// <summary>
/// The message templates kept as files (<c>templates/messages/</c>, copied beside the app) so staff can read exactly
/// what is sent. A message <c>Name</c> is two files: <c>Name.txt</c>, whose first line is <c>Subject: …</c> followed by
/// a blank line and the plain-text body, and <c>Name.html</c>, the HTML body placed into <c>_layout.html</c> at
/// <c>{{Content}}</c>. Placeholders are <c>{{Name}}</c>; values are HTML-encoded in .html files only. A placeholder the
/// message does not provide stops the message with an exception naming the file and the placeholder, so nothing is sent
/// with a gap in it. An edited template applies to the next message: each render looks at the file's time and size
/// and reads it again only when they changed (reading three files per message was a visible part of a message's cost).
/// A message in another language is <c>Name.es.txt</c> and <c>Name.es.html</c> (both), in <c>_layout.es.html</c>; a message
/// without both files of a language is sent in English, so a missing translation never stops a message.
/// </summary>
public sealed partial class MessageTemplates(string directory)
{
    public const string LayoutFile = "_layout.html";
    private const string SubjectHeader = "Subject:";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Written, long Length, string Text)> _read =
        new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    /// <summary>Every message template (its English .txt files, relative, without extension, e.g. "Received", "staff/Overdue").</summary>
    public IReadOnlyList<string> Names() => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.EnumerateFiles(Directory, "*.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Select(f => f[..^".txt".Length])
            .Where(f => !Path.GetFileName(f).Contains('.', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>True when <paramref name="name"/> is written in <paramref name="language"/> (English always is).</summary>
    public bool IsTranslated(string name, string language) =>
        language == Workflows.Requests.RequesterLanguage.English
        || (LanguageCode().IsMatch(language) && File.Exists(Path.Combine(Directory, $"{name}.{language}.txt"))
            && File.Exists(Path.Combine(Directory, $"{name}.{language}.html")));

    /// <param name="language">"en" (default) or another language the message may be written in (e.g. "es"): its
    /// <c>Name.es.txt</c>/<c>Name.es.html</c> when both exist, else the English message.</param>
    public RenderedMessage Render(string name, MessageValues values, string language = Workflows.Requests.RequesterLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(language);
        if (!TemplateName().IsMatch(name)) throw new ArgumentException($"'{name}' is not a message template name.", nameof(name));
        var translated = language != Workflows.Requests.RequesterLanguage.English && IsTranslated(name, language);
        var suffix = translated ? "." + language : "";
        var layoutFile = translated && File.Exists(Path.Combine(Directory, $"_layout.{language}.html")) ? $"_layout.{language}.html" : LayoutFile;

        var textFile = name + suffix + ".txt";
        var (subjectTemplate, textTemplate) = SplitSubject(Read(textFile), textFile);
        var subject = Fill(subjectTemplate, textFile, values, html: false).ReplaceLineEndings(" ").Trim();
        var text = Fill(textTemplate, textFile, values, html: false).Trim() + "\n";

        var htmlFile = name + suffix + ".html";
        var content = Fill(Read(htmlFile), htmlFile, values, html: true).Trim();
        var html = Fill(Read(layoutFile), layoutFile, values, html: true,
            extra: name => name switch
            {
                "Content" => content,
                "Subject" => MessageValues.Encode(subject),
                _ => null,
            });
        return new RenderedMessage(subject, text, html);
    }

    /// <summary>
    /// Replaces each <c>{{Name}}</c> in <paramref name="template"/> with its value (HTML-encoded when <paramref name="html"/>).
    /// <paramref name="extra"/> supplies already-rendered markup (the layout's <c>{{Content}}</c>).
    /// </summary>
    public static string Fill(string template, string file, MessageValues values, bool html, Func<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var filled = Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value.Trim();
            if (!PlaceholderName().IsMatch(name))
                throw new MessageTemplateException($"Message template {file}: '{match.Value}' is not a placeholder (use {{{{Name}}}}, letters and digits).");
            if (extra?.Invoke(name) is { } markup) return markup;
            if (!values.TryGet(name, out var value))
                throw new MessageTemplateException($"Message template {file} uses {{{{{name}}}}}, which this message does not provide. " +
                    $"It provides: {string.Join(", ", values.Names.Order(StringComparer.Ordinal))}.");
            return html ? value.AsHtml() : value.AsText();
        });
        // A "{{" left in the template itself (not in a value) is a placeholder someone did not close.
        var rest = Placeholder().Replace(template, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
            throw new MessageTemplateException($"Message template {file} has an unclosed or stray '{{{{' or '}}}}'.");
        return filled;
    }

    private string Read(string file)
    {
        var path = Path.Combine(Directory, file);
        var info = new FileInfo(path);
        if (!info.Exists) throw new MessageTemplateException($"Message template {file} is missing from {Directory}.");
        if (_read.TryGetValue(path, out var kept) && kept.Written == info.LastWriteTimeUtc && kept.Length == info.Length) return kept.Text;
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        _read[path] = (info.LastWriteTimeUtc, info.Length, text);
        return text;
    }

    private static (string Subject, string Body) SplitSubject(string text, string file)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        if (!first.StartsWith(SubjectHeader, StringComparison.Ordinal))
            throw new MessageTemplateException($"Message template {file} must start with a line \"{SubjectHeader} …\".");
        return (first[SubjectHeader.Length..].Trim(), end < 0 ? "" : text[(end + 1)..].TrimStart('\n'));
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderName();

    [GeneratedRegex("^(staff/)?[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
