using BackOffice.Web.EmailTransport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BackOffice.Web.Tests.EmailTransport;

/// <summary>How a message is built (text alone, or text and HTML as alternatives) and how the Sent messages page reads
/// the folder of .eml files.</summary>
public sealed class PickupDirectoryMessagesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "backoffice-mail-" + Guid.NewGuid().ToString("N"));
    private readonly PickupDirectoryEmailSender _sender;

    public PickupDirectoryMessagesTests() =>
        _sender = new PickupDirectoryEmailSender(_directory, Options.Create(new SmtpOptions()), TimeProvider.System, NullLogger<PickupDirectoryEmailSender>.Instance);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AMessageWithHtml_IsMultipartAlternative_TextFirst_WithTheGivenMessageId()
    {
        await _sender.SendAsync(new OutgoingEmail("a@example.org", "Subject", "Plain words", "<p>HTML words</p>")
        {
            MessageId = "0190f0aa-outbox@backoffice",
        });

        var message = MimeMessage.Load(Directory.GetFiles(_directory).ShouldHaveSingleItem());
        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        message.TextBody.ShouldNotBeNull().ShouldContain("Plain words");
        message.HtmlBody.ShouldNotBeNull().ShouldContain("<p>HTML words</p>");
        message.MessageId.ShouldBe("0190f0aa-outbox@backoffice");
    }

    [Fact]
    public async Task AMessageWithoutHtml_StaysPlainText()
    {
        await _sender.SendAsync(new OutgoingEmail("a@example.org", "Subject", "Plain words"));

        var message = MimeMessage.Load(Directory.GetFiles(_directory).ShouldHaveSingleItem());
        message.Body.ShouldBeOfType<TextPart>().ContentType.MimeType.ShouldBe("text/plain");
        message.HtmlBody.ShouldBeNull();
    }

    [Fact]
    public async Task TheFolder_ListsNewestFirst_InPages()
    {
        for (var i = 1; i <= 3; i++)
        {
            await _sender.SendAsync(new OutgoingEmail($"person{i}@example.org", $"Message {i}", "x"));
            await Task.Delay(5); // file names carry the time to the millisecond
        }

        var folder = new MailFolder(_directory);
        var (first, total) = folder.List(1, 2);
        var (second, _) = folder.List(2, 2);

        total.ShouldBe(3);
        first.Select(m => m.Subject).ShouldBe(["Message 3", "Message 2"]);
        second.Single().Subject.ShouldBe("Message 1");
        second.Single().To.ShouldBe("person1@example.org");
    }

    [Theory]
    [InlineData("../backoffice.db")]
    [InlineData("..%2Fbackoffice.db")]
    [InlineData("/etc/passwd")]
    [InlineData("20260302T150000000-0123456789abcdef0123456789abcdef.eml/../../x")]
    [InlineData("20260302T150000000-0123456789abcdef0123456789abcdef.eml")] // well formed, but no such file
    [InlineData(null)]
    public void ANameTheSenderDidNotWrite_OpensNothing(string? name)
    {
        var mail = Directory.CreateDirectory(Path.Combine(_directory, "mail")).FullName;
        File.WriteAllText(Path.Combine(_directory, "backoffice.db"), "not mail");

        new MailFolder(mail).Open(name).ShouldBeNull();
    }
}
