using System.Text.RegularExpressions;
using BackOffice.Web.EmailContent;

namespace BackOffice.Web.Tests.EmailContent;

/// <summary>The template files and the small renderer: every template renders, values are encoded in HTML only, and a
/// placeholder a message does not provide stops the message.</summary>
public sealed partial class MessageTemplatesTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "templates", "messages");
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "backoffice-templates-" + Guid.NewGuid().ToString("N"));

    public MessageTemplatesTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    /// <summary>A value for every placeholder the templates may use (templates/messages/README.md lists them).</summary>
    private static MessageValues Sample() => new MessageValues()
        .Set("OrganisationName", "DuPage Medical Group").Set("DepartmentName", "Medical Records").Set("DepartmentPhone", "1-630-873-8748")
        .Set("QuestionsHours", "Monday through Friday, 8 AM – 5 PM").Set("DepartmentAddress", "1100 W 31st Street, Downers Grove, IL 60515")
        .Set("StatusUrl", "https://records.example.org/status").Set("TrackingNumber", "K7QM-4XPD-9RTA").Set("DueDate", "April 1, 2026")
        .Set("ReceivedDate", "March 2, 2026").SetList("MissingItems", ["the expiry date of the authorization"]).Set("ReplyBy", "March 31, 2026")
        .Set("AmountDue", "$119.07").Set("FeeTotal", "$119.07").Set("PaymentPhone", "(312) 757-5020").Set("CheckPayableTo", "DuPage Medical Group")
        .Set("CheckAddress", "1100 W 31st Street").Set("PayBy", "May 30, 2026").Set("AmountReceived", "$10.00").Set("PaymentDate", "March 20, 2026")
        .Set("BalanceDue", "$109.07").Set("NewDueDate", "April 21, 2026").Set("OriginalDueDate", "April 1, 2026")
        .Set("ExtensionReason", "Off-site storage").Set("MailedDate", "March 25, 2026").Set("SentDate", "March 25, 2026").Set("WithheldNotice", "Part of the records was not included.").Set("OpenWith", "Open the attached file with your passphrase.")
        .Set("PickupTime", "March 27, 2026 at 2:30 PM").Set("PickupAddress", "1100 W 31st Street").Set("RedirectTo", "Central DuPage Hospital")
        .Set("DenialBasis", "Psychotherapy notes").Set("ReviewRights", "This denial cannot be reviewed.").Set("CancelledDate", "March 30, 2026")
        .Set("CancellationReason", "Withdrawn").Set("State", "Verified").Set("DueNote", "due in 5 days").Set("Assignee", "Demo Clerk")
        .Set("RequestUrl", "https://records.example.org/Staff/Requests/1").Set("DigestDate", "March 27, 2026").Set("DueBy", "April 1, 2026")
        .Set("DueWithinDays", "5").Set("OverdueCount", "1").Set("DueSoonCount", "2").Set("TotalCount", "3").Set("ListedCount", "3")
        .Set("QueueUrl", "https://records.example.org/Staff/Requests")
        .SetTable("Requests", ["Tracking number", "Due"], [new MessageTableRow(["K7QM-4XPD-9RTA", "2026-04-01"], "https://records.example.org/x")]);

    [Fact]
    public void EveryShippedTemplate_Renders_WithNoPlaceholderLeft()
    {
        var templates = new MessageTemplates(Shipped);
        var names = templates.Names();
        names.Count.ShouldBeGreaterThan(20);

        foreach (var name in names)
        {
            var message = templates.Render(name, Sample());

            message.Subject.ShouldNotBeNullOrWhiteSpace(name);
            foreach (var part in new[] { message.Subject, message.TextBody, message.HtmlBody })
            {
                part.ShouldNotContain("{{", customMessage: name);
                part.ShouldNotContain("}}", customMessage: name);
            }

            message.HtmlBody.ShouldStartWith("<!DOCTYPE html>", customMessage: name);
            message.HtmlBody.ShouldContain("<title>" + System.Net.WebUtility.HtmlEncode(message.Subject) + "</title>", customMessage: name);
            message.TextBody.ShouldNotContain("<p>", customMessage: name);
        }
    }

    [Fact]
    public void TheShippedTemplates_AreExactlyTheComposersMessages()
    {
        var expected = RequesterMessageComposer.Templates
            .Concat(StaffMessageComposer.Types.Select(t => "staff/" + t))
            .Append(StaffMessageComposer.DigestTemplate)
            .Append(BackOffice.Web.SecureEmail.RecordsEmailHandler.MessageType)
            .Order(StringComparer.Ordinal);

        new MessageTemplates(Shipped).Names().ShouldBe(expected);
        foreach (var name in expected) File.Exists(Path.Combine(Shipped, name + ".html")).ShouldBeTrue(name + ".html");
    }

    [Fact]
    public void EveryMessageTheLifecycleAsksFor_HasAComposer()
    {
        // Every shipped version: requests finish on the version they started under.
        var definition = string.Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "records-request*.json").Select(File.ReadAllText));
        string[] handledElsewhere = [RequesterMessageComposer.PortalLinkType, BackOffice.Web.SecureEmail.RecordsEmailHandler.MessageType];

        var requester = NotifyPattern().Matches(definition).Select(m => m.Groups[1].Value).Distinct().ToList();
        var staff = NotifyStaffPattern().Matches(definition).Select(m => m.Groups[1].Value).Distinct().ToList();

        requester.ShouldContain("Received");
        requester.ShouldContain(RequesterMessageComposer.PortalLinkType);
        requester.ShouldContain(BackOffice.Web.SecureEmail.RecordsEmailHandler.MessageType);
        requester.Where(t => !handledElsewhere.Contains(t)).ShouldAllBe(t => RequesterMessageComposer.Types.Contains(t));
        staff.ShouldNotBeEmpty();
        staff.ShouldAllBe(t => StaffMessageComposer.Types.Contains(t));
    }

    [Fact]
    public void Values_AreHtmlEncodedInTheHtmlTemplate_AndLeftPlainInTheText()
    {
        Write("Note.txt", "Subject: About {{Name}}\n\nHello {{Name}}\n{{Items}}\n");
        Write("Note.html", "<p>Hello {{ Name }}</p>{{Items}}");
        Write(MessageTemplates.LayoutFile, "<!DOCTYPE html><title>{{Subject}}</title><body>{{Content}}</body>");
        var values = new MessageValues().Set("Name", "<script>alert('x')</script>").SetList("Items", ["a < b & c"]);

        var message = new MessageTemplates(_scratch).Render("Note", values);

        message.Subject.ShouldBe("About <script>alert('x')</script>");
        message.TextBody.ShouldBe("Hello <script>alert('x')</script>\n  - a < b & c\n");
        message.HtmlBody.ShouldNotContain("<script>");
        message.HtmlBody.ShouldBe("<!DOCTYPE html><title>About &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title><body>" +
            "<p>Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p><ul><li>a &lt; b &amp; c</li></ul></body>");
    }

    [Fact]
    public void APlaceholderTheMessageDoesNotProvide_Fails_NamingTheTemplateAndThePlaceholder()
    {
        Write("Note.txt", "Subject: Hello\n\nHello {{Name}}\n");
        Write("Note.html", "<p>Hello {{Name}}, your {{AccountBalance}}</p>");
        Write(MessageTemplates.LayoutFile, "{{Content}}");

        var problem = Should.Throw<MessageTemplateException>(() => new MessageTemplates(_scratch).Render("Note", new MessageValues().Set("Name", "x")));

        problem.Message.ShouldContain("Note.html");
        problem.Message.ShouldContain("{{AccountBalance}}");
    }

    [Theory]
    [InlineData("Hello {{Name}}\n", "must start with a line \"Subject:")]
    [InlineData("Subject: Hi\n\nHello {{Name\n", "unclosed")]
    [InlineData("Subject: Hi\n\nHello {{Full Name}}\n", "is not a placeholder")]
    public void AMalformedTemplate_Fails_SayingWhy(string text, string expected)
    {
        Write("Note.txt", text);
        Write("Note.html", "<p>x</p>");
        Write(MessageTemplates.LayoutFile, "{{Content}}");

        var problem = Should.Throw<MessageTemplateException>(() => new MessageTemplates(_scratch).Render("Note", new MessageValues().Set("Name", "x")));

        problem.Message.ShouldContain("Note.txt");
        problem.Message.ShouldContain(expected);
    }

    [Fact]
    public void AMissingTemplateFile_Fails_NamingIt()
    {
        Write("Note.txt", "Subject: Hi\n\nHello\n");

        var problem = Should.Throw<MessageTemplateException>(() => new MessageTemplates(_scratch).Render("Note", new MessageValues()));

        problem.Message.ShouldContain("Note.html is missing");
    }

    [Theory]
    [InlineData("../Note")]
    [InlineData("staff/../../Note")]
    [InlineData("")]
    public void ATemplateNameOutsideTheFolder_IsRefused(string name) =>
        Should.Throw<ArgumentException>(() => new MessageTemplates(_scratch).Render(name, new MessageValues()));

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_scratch, file), text);

    [GeneratedRegex("\"(?:Notify|Acknowledge):([A-Za-z]+)\"")]
    private static partial Regex NotifyPattern();

    [GeneratedRegex("\"NotifyStaff:([A-Za-z]+)\"")]
    private static partial Regex NotifyStaffPattern();
}
