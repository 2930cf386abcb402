using BackOffice.Web.Localization;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// The online request's sentences written in C# rather than on a page (the last step's name, the messages the step pages
/// add next to a field), in the page's language: the Spanish is in <c>WizardWords.es.resx</c>, keyed by the English
/// (<see cref="Translations"/>). The pages' own words are in the resource files beside each page.
/// </summary>
public static class WizardWords
{
    private static readonly Translations Words = new(typeof(WizardWords));

    public static string Text(string english) => Words.Text(english);

    public static string Format(string english, params object?[] args) => Words.Format(english, args);
}
