namespace BackOffice.Web.Pages.Status;

/// <summary>The words of the status pages (<c>StatusText.resx</c>, <c>StatusText.es.resx</c>), for views and handlers alike.</summary>
public sealed class StatusText;
