using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Localization;

/// <summary>
/// The words the rule files give a requester — fee lines and their legal basis, missing authorization elements, where to
/// ask instead, why a consent sent could not be used — in the reader's language. The rules are data a rules administrator edits in English, so this is a
/// translation memory keyed by the English text (<c>RuleWords.es.resx</c>): a text with no translation (a new rule, or
/// words a clerk typed) is shown as written. A test checks every text of the shipped rule files has its translation.
/// </summary>
public sealed partial class RuleWords(IStringLocalizer<RuleWords> words)
{
    /// <summary>The text in the current language, or as written when it has no translation.</summary>
    public string Text(string english)
    {
        ArgumentNullException.ThrowIfNull(english);
        return english.Length == 0 ? english : words[english].Value;
    }

    /// <summary>
    /// A fee line's description: the rules write per-page lines as "Paper copies, pages 1-25: 25 × 1.30"; the words are
    /// translated, the quantity and price kept.
    /// </summary>
    public string FeeDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var match = QuantityPattern().Match(description);
        return match.Success
            ? string.Create(CultureInfo.InvariantCulture, $"{Text(match.Groups["what"].Value)}{match.Groups["rest"].Value}")
            : Text(description);
    }

    [GeneratedRegex(@"^(?<what>.+)(?<rest>: \d+(?:\.\d+)? × \d+(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
