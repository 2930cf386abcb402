namespace BackOffice.Web.Pages.Status;

public sealed record TimelineItem(string Day, string Text);
