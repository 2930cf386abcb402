namespace BackOffice.Web.Pages.Staff;

/// <summary>
/// One screen the staff home links to. <paramref name="Page"/> is the Razor page (<c>/Staff/Rules/Index</c>) or, for an
/// endpoint that is not a page, its address (<c>/hangfire</c>). Who may open it is not written here: the home asks the
/// page's own authorization (<see cref="StaffScreenAccess"/>), so the list cannot drift from the folder conventions and
/// <c>[Authorize]</c> attributes.
/// </summary>
public sealed record StaffScreen(string Page, string Href, string Title, string Description);

/// <summary>Every screen a staff member starts from, in the order the home lists them.</summary>
public static class StaffScreens
{
    /// <summary>The screen whose link shows the count of messages not sent.</summary>
    public static readonly StaffScreen Incidents = new("/Staff/Incidents/Index", "/Staff/Incidents", "Messages not sent",
        "failed or unfinished sends to retry or dismiss");

    public static IReadOnlyList<StaffScreen> All { get; } =
    [
        new("/Staff/Requests/Index", "/Staff/Requests", "Work queue",
            "open requests, urgent and overdue first; search by tracking number, name or date of birth"),
        new("/Staff/Intake/Index", "/Staff/Intake", "Paper intake",
            "key in a paper authorization form with its scan and the date it arrived"),
        new("/Staff/Mailing/Index", "/Staff/Mailing", "Mailing batch",
            "mark the day's mail-delivery requests mailed and print their letters, invoices and labels"),
        Incidents,
        new("/Staff/Messages/Index", "/Staff/Messages", "Sent messages",
            "the e-mails the app wrote to requesters and staff (when no SMTP server is configured)"),
        new("/Staff/Disclosures/Index", "/Staff/Disclosures", "Accounting of disclosures",
            "a patient's disclosures of the last six years as CSV or PDF; record a disclosure made without authorization"),
        new("/Staff/Rules/Index", "/Staff/Rules", "Fee and release rules",
            "the rule versions, drafts, checks and trials against a request; publish or roll back"),
        new("/Staff/Dashboard/Index", "/Staff/Dashboard", "Dashboard",
            "open work, overdue and due this week, days to complete against the 30-day limit, fees, requests per week by channel"),
        new("/Staff/Audit/Index", "/Staff/Audit", "Audit trail",
            "who did what with which request, searched by user, tracking number, action and date"),
        new("/Staff/Retention/Index", "/Staff/Retention", "Retention",
            "the daily retention runs: requests whose documents and personal data were removed, audit rows removed; a dry run"),
        new("/Staff/Users/Index", "/Staff/Users", "Staff accounts",
            "create and disable accounts, set roles, reset passwords"),
        new("/Staff/Organisations/Index", "/Staff/Organisations", "Requester organizations",
            "law firms, insurers and providers using the requester API: register one, issue and revoke its keys"),
        new("/hangfire", "/hangfire", "Background jobs",
            "the Hangfire dashboard (queues, recurring jobs, failures)"),
        new("/Staff/Lifecycle/Index", "/Staff/Lifecycle", "Request lifecycle",
            "the steps of a request, phase by phase, per version"),
    ];
}
