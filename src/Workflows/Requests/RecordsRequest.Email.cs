namespace BackOffice.Workflows.Requests;

/// <summary>Delivery by e-mail: the passphrase of the encrypted file is kept only until it is used or given up.</summary>
public sealed partial class RecordsRequest
{
    /// <summary>The records go by e-mail, encrypted or (for the patient's own records, at their request) not.</summary>
    public bool DeliveredByEmail => Delivery is DeliveryMethod.SecureEmail or DeliveryMethod.UnencryptedEmail;

    /// <summary>The passphrase is no longer needed (the records were sent, or go as a secure link): it is erased.</summary>
    public void ErasePassphrase() => ProtectedEmailPassphrase = null;
}
