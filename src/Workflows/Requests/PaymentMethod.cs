namespace BackOffice.Workflows.Requests;

/// <summary>Cash is never accepted, so it is not a member.</summary>
public enum PaymentMethod
{
    CreditCardByPhone,
    Check,
}
