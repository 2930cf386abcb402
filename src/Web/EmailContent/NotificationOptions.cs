namespace BackOffice.Web.EmailContent;

/// <summary>Messages to requesters and staff (<c>BackOffice:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "BackOffice:Notifications";

    /// <summary>The department's shared mailbox for staff messages and the daily digest; none are composed when unset.</summary>
    public string? StaffMailbox { get; set; }

    /// <summary>The message templates; by default <c>templates/messages/</c> beside the app (copied there by the build).</summary>
    public string? TemplatesDirectory { get; set; }

    /// <summary>The daily digest lists open requests overdue or due within this many days.</summary>
    public int DigestDueWithinDays { get; set; } = 5;

    /// <summary>At most this many requests are listed in one digest (the counts cover them all).</summary>
    public int DigestMaxRows { get; set; } = 200;
}
