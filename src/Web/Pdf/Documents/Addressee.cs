using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>Who a letter goes to, as the lines of the address block.</summary>
public sealed record Addressee(string Name, IReadOnlyList<string> Lines)
{
    /// <summary>Where the records go: the "release to" of the form.</summary>
    public static Addressee Recipient(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipient = request.Recipient;
        return new Addressee(recipient.Name, [recipient.Name, recipient.Organisation ?? "", .. AddressLines(recipient.Address)]);
    }

    /// <summary>
    /// The person who asked (invoices and the letters about the request). The form holds no separate requester address:
    /// a patient gets it at their own address, a requester who is also the recipient at the recipient's, anyone else at
    /// the recipient's address when there is one and the patient's otherwise.
    /// </summary>
    public static Addressee Requester(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requester = request.Requester;
        var recipient = request.Recipient;
        var name = string.IsNullOrWhiteSpace(requester.Name) ? request.Patient.FullName : requester.Name;
        if (requester.Type == RequesterType.Patient && request.Patient.Address.IsComplete)
            return new Addressee(name, [name, .. AddressLines(request.Patient.Address)]);
        var recipientIsRequester = recipient.Type == requester.Type
            || string.Equals(recipient.Name.Trim(), requester.Name.Trim(), StringComparison.OrdinalIgnoreCase);
        var address = recipient.Address.IsComplete && (recipientIsRequester || !request.Patient.Address.IsComplete)
            ? recipient.Address
            : request.Patient.Address;
        return new Addressee(name, [name, requester.Organisation ?? "", .. AddressLines(address)]);
    }

    public static IReadOnlyList<string> AddressLines(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return [address.Line1, address.Line2 ?? "", $"{address.City}, {address.State} {address.PostalCode}".Trim(' ', ',')];
    }
}
