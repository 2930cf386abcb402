namespace BackOffice.Workflows.Requests;

/// <summary>Section 4 of the authorization form.</summary>
public enum DeliveryMethod
{
    Mail,
    /// <summary>An encrypted file opened with the passphrase the requester chose, or else a secure download link.</summary>
    SecureEmail,
    Portal,
    Pickup,
    /// <summary>
    /// Plain e-mail, only for a patient's own records and only when the patient accepted the risk: the right of access
    /// includes copies by unencrypted e-mail at the patient's request (HHS guidance on 45 CFR 164.524(c)(2)).
    /// </summary>
    UnencryptedEmail,
}
