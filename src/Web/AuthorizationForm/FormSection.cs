namespace BackOffice.Web.AuthorizationForm;

/// <summary>The parts of the Authorization for Release of Health Information form, in its order (the wizard's steps).</summary>
public enum FormSection
{
    /// <summary>Who is asking, and who receives the copies.</summary>
    Requester,
    /// <summary>Whose records: the patient (Section 1).</summary>
    Patient,
    /// <summary>Release from and to (Section 2).</summary>
    Release,
    /// <summary>Which information, and the consents for sensitive categories (Section 3).</summary>
    Information,
    /// <summary>Delivery and format (Section 4).</summary>
    Delivery,
    /// <summary>Purpose and expiry (Section 5).</summary>
    Purpose,
    /// <summary>Signature and documents (Section 6).</summary>
    Signature,
}
