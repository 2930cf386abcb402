namespace BackOffice.Web.Localization;

/// <summary>
/// The messages of data-annotation attributes on the public pages' inputs (<c>[StringLength(200, ErrorMessage = "Use at
/// most {1} characters.")]</c>), in the page's language: ASP.NET Core's data-annotations localization looks each
/// <c>ErrorMessage</c> up in <c>ValidationMessages.es.resx</c>, keyed by the English, and fills in the attribute's
/// values ({1} is a maximum length). A message with no translation is shown in English; staff pages are English. The
/// English file is empty on purpose: the attributes carry the English.
/// </summary>
public static class ValidationMessages
{
    private static readonly Translations Words = new(typeof(ValidationMessages));

    /// <summary>A value the model binder could not read, when it gave no message of its own.</summary>
    public static string NotValid => Words.Text("The value entered is not valid.");
}
