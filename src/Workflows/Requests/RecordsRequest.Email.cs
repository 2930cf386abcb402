namespace BackOffice.Workflows.Requests;

/// <summary>Delivery by e-mail: the passphrase of the encrypted file is kept only until it is used or given up.</summary>
public sealed partial class RecordsRequest
{
    /// <summary>The records go by e-mail, encrypted or (for the patient's own records, at their request) not.</summary>
    public bool DeliveredByEmail => Delivery is DeliveryMethod.SecureEmail or DeliveryMethod.UnencryptedEmail;

    /// <summary>A clerk corrects where the copies go by mail; the patient's own address is not touched.</summary>
    public void CorrectRecipientAddress(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Delivery == DeliveryMethod.Mail && !address.IsComplete)
            throw new DomainException("Mailing needs a complete address (street, city, state, ZIP code).", "Recipient.Address");
        Recipient = Recipient with { Address = address with { } };
    }

    /// <summary>The passphrase is no longer needed (the records were sent, or go as a secure link): it is erased.</summary>
    public void ErasePassphrase() => ProtectedEmailPassphrase = null;
}
