using BackOffice.Web.EmailTransport;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.PatientAccess;

/// <summary>
/// The two portal messages. They name no patient, diagnosis or record type: a mailbox read by someone else
/// learns only that records from the department are waiting behind a date of birth and a code.
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

    public static OutgoingEmail RecordsAvailable(string to, string link, string expiresOn, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new OutgoingEmail(to, "Your requested records are ready to download", $"""
            Hello,

            The copies of medical records you asked {site.OrganisationName} for are ready on our secure download page:

            {link}

            To open them you need the patient's date of birth and a one-time code, which we e-mail to this address when you ask for it. The link works until {expiresOn}.

            If you did not ask for these records, or the link does not work, call {site.DepartmentName} at {site.QuestionsPhone} ({site.QuestionsHours}).

            {site.DepartmentName}
            {site.OrganisationName}
            """);
    }

    public static OutgoingEmail OneTimeCode(string to, string code, int minutes, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new OutgoingEmail(to, "Your one-time code", $"""
            Hello,

            Your code to download the records is {code}

            It works for {minutes} minutes and only once. If you did not ask for a code, you can ignore this message: nobody can download the records without it.

            {site.DepartmentName}
            {site.OrganisationName}
            """);
    }
}
