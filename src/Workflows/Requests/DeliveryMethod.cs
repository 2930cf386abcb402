namespace BackOffice.Workflows.Requests;

/// <summary>Section 4 of the authorization form.</summary>
public enum DeliveryMethod
{
    Mail,
    SecureEmail,
    Portal,
    Pickup,
}
