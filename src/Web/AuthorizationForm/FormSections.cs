using System.Globalization;
using BackOffice.Web.Localization;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// The words and numbers of the paper form's sections, in one place: the paper form PDF, the online steps and staff
/// intake all say "Section 4: Delivery and format", so a person holding the paper, a clerk on the phone and the web page
/// name the same thing the same way. In the language of the page being made (<c>language</c> null) or the one asked
/// for; the Spanish is in <c>FormSections.es.resx</c>, keyed by the English (<see cref="Translations"/>).
/// </summary>
public static class FormSections
{
    private static readonly Translations Words = new(typeof(FormSections));

    /// <summary>The section's number on the paper form; null for "who is asking", which the paper asks in Section 6.</summary>
    public static int? Number(FormSection section) => section switch
    {
        FormSection.Requester => null,
        _ => (int)section,
    };

    public static string Title(FormSection section, CultureInfo? language = null) => Words.Text(section switch
    {
        FormSection.Requester => "Who is asking",
        FormSection.Patient => "Patient",
        FormSection.Release => "Release from and to",
        FormSection.Information => "Information to release",
        FormSection.Delivery => "Delivery and format",
        FormSection.Purpose => "Purpose and expiration",
        _ => "Signature",
    }, language);

    /// <summary>"Section 4: Delivery and format" (or the title alone for a part the paper has no section for).</summary>
    public static string Heading(FormSection section, CultureInfo? language = null) =>
        Number(section) is { } number ? Words.FormatIn("Section {0}: {1}", language, number, Title(section, language)) : Title(section, language);
}
