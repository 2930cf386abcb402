using BackOffice.Web.EmailTransport;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.PatientAccess;

/// <summary>
/// The two portal messages. They name no patient, diagnosis or record type: a mailbox read by someone else
/// learns only that records from the department are waiting behind a date of birth and a code. Their words are in
/// <c>PortalEmailWords.resx</c> / <c>PortalEmailWords.es.resx</c>.
/// </summary>
public static class PortalEmails
{
    /// <summary>Where portal mail goes: the recipient named on the request, else the patient.</summary>
    public static string? AddressFor(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new[] { request.Recipient.Email, request.Patient.Email }
            .FirstOrDefault(e => !string.IsNullOrWhiteSpace(e) && System.Net.Mail.MailAddress.TryCreate(e.Trim(), out _))?.Trim();
    }

    /// <summary>The link e-mail, in the language of <paramref name="site"/> and <paramref name="words"/> (the caller's
    /// <see cref="Localization.MessageLanguage.ForRecipient"/>).</summary>
    public static OutgoingEmail RecordsAvailable(string to, string link, string expiresOn, SiteOptions site, IStringLocalizer<PortalEmailWords> words)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(words);
        return new OutgoingEmail(to, words["RecordsAvailable.Subject"], Lines(words["RecordsAvailable.Body",
            site.OrganisationName, link, expiresOn, site.DepartmentName, site.QuestionsPhone, site.QuestionsHours]));
    }

    public static OutgoingEmail OneTimeCode(string to, string code, int minutes, SiteOptions site, IStringLocalizer<PortalEmailWords> words)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(words);
        return new OutgoingEmail(to, words["OneTimeCode.Subject"], Lines(words["OneTimeCode.Body", code, minutes, site.DepartmentName, site.OrganisationName]));
    }

    private static string Lines(string text) => text.ReplaceLineEndings("\n");
}
