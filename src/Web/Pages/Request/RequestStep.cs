namespace BackOffice.Web.Pages.Request;

/// <summary>The steps of the online request, in the order of the Authorization for Release of Health Information form.</summary>
public enum RequestStep
{
    Who,
    Patient,
    Release,
    Information,
    Delivery,
    Purpose,
    Sign,
}
