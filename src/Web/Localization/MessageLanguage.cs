using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Localization;

/// <summary>
/// The language a message or letter about a request is written in. The requester reads the request's
/// <see cref="RecordsRequest.Language"/>; the person the records go to reads it too when that is the requester (the patient
/// for their own records, or the same person or address), and English otherwise — a provider, an insurer or a law firm
/// named by the requester reads the department's usual letters. Staff messages are always English.
/// </summary>
public static class MessageLanguage
{
    public static string ForRequester(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequesterLanguage.Normalize(request.Language);
    }

    public static string ForRecipient(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RecipientIsRequester(request) ? ForRequester(request) : SiteLanguages.English;
    }

    private static bool RecipientIsRequester(RecordsRequest request)
    {
        var recipient = request.Recipient;
        var requester = request.Requester;
        return recipient.Type == requester.Type
            || Same(recipient.Name, requester.Name)
            || Same(recipient.Email, requester.Email)
            || (requester.Type == RequesterType.Patient && Same(recipient.Email, request.Patient.Email));
    }

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
