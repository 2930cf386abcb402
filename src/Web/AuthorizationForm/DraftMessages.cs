using BackOffice.Web.Localization;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// The messages of <see cref="RecordsRequestDraft.Validate"/> as a reader sees them. The domain writes them in English
/// (Workflows knows nothing of pages or languages); where a page shows one, it is translated here, keyed by its English
/// text (<c>DraftMessages.es.resx</c>, <see cref="Translations"/>). Staff pages stay English.
/// </summary>
public static class DraftMessages
{
    private static readonly Translations Words = new(typeof(DraftMessages));

    /// <summary>The message in the page's language (in English when it has no translation).</summary>
    public static string Text(string english) => Words.Text(english);

    /// <summary>The error with its message in the page's language.</summary>
    public static FieldError Shown(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with { Message = Text(error.Message) };
    }

    /// <summary>The translation into <paramref name="language"/>, or null when there is none (for tests).</summary>
    public static string? Find(string english, System.Globalization.CultureInfo language) => Words.Find(english, language);
}
