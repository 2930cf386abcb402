namespace BackOffice.Web.AuthorizationForm;

/// <summary>Who receives the copies, as the form asks it.</summary>
public enum RecipientChoice
{
    Requester,
    Provider,
    Other,
}
