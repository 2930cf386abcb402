namespace BackOffice.Web.Pages.Portal;

/// <summary>The words of the portal pages (<c>PortalText.resx</c>, <c>PortalText.es.resx</c>), for views and handlers alike.</summary>
public sealed class PortalText;
