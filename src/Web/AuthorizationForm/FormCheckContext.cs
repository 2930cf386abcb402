using BackOffice.Web.Site;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>What the form's checks need besides the answers: today, the site's names, and how the form came in.</summary>
public sealed record FormCheckContext(DateOnly Today, SiteOptions Site, FormChannel Channel);
