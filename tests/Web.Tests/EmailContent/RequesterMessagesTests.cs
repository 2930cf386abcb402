using System.Globalization;
using System.Net;
using BackOffice.Web.EmailContent;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BackOffice.Web.Tests.EmailContent;

/// <summary>
/// Each requester message composed for a request in the right state and sent through a real SMTP server: plain text
/// and HTML, the tracking number and what the event needs (amounts, missing items, dates, where to go), a link to the
/// status page, and never the patient's date of birth or name.
/// </summary>
public sealed class RequesterMessagesTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly Actor Supervisor = Actor.Staff("supervisor-1", "Sam Supervisor", LifecycleRoles.Supervisor);

    [Fact]
    public async Task Received_GivesTheTrackingNumberAndDueDate_AsTextAndHtml()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());

        var message = await app.SendRequesterMessageAsync(request.Id, "Received");

        var (text, html) = Bodies(message, request);
        message.To.ToString().ShouldBe("maria.lopez@example.org");
        message.From.Mailboxes.Single().Address.ShouldBe("records@dmg.example.org");
        message.Subject.ShouldBe($"We received your records request {request.TrackingNumber}");
        foreach (var body in new[] { text, html }) body.ShouldContain(RequestScenarios.Written(request.DueOn));
        text.ShouldContain("Tracking number: " + request.TrackingNumber);
        html.ShouldContain("<a href=\"https://records.dmg.example.org/status\">");
    }

    [Fact]
    public async Task NeedsInformation_AndItsReminder_NameExactlyWhatIsMissing_AndTheLastDayToReply()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        await app.Factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk,
            ("missing", "a copy of the patient's photo ID\nthe dates of the visits you need"));
        var replyBy = RequestScenarios.Written((await TodayAsync()).AddDays(29));

        foreach (var type in new[] { "NeedsInformation", "MissingInformationReminder" })
        {
            var (text, html) = Bodies(await app.SendRequesterMessageAsync(request.Id, type), request);

            text.ShouldContain("  - a copy of the patient's photo ID\n  - the dates of the visits you need");
            WebUtility.HtmlDecode(html).ShouldContain("<ul><li>a copy of the patient's photo ID</li><li>the dates of the visits you need</li></ul>");
            foreach (var body in new[] { text, html }) body.ShouldContain(replyBy);
        }
    }

    [Fact]
    public async Task TheInvoice_ItsReminder_AndAPayment_GiveTheAmounts_AndHowToPay_WithoutCash()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        (await app.Factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        var balance = (await app.Factory.LoadAsync(request.Id)).BalanceDue;
        balance.ShouldBeGreaterThan(2m);

        foreach (var type in new[] { "InvoiceIssued", "PaymentReminder" })
        {
            var message = await app.SendRequesterMessageAsync(request.Id, type);
            var (text, html) = Bodies(message, request);
            message.Subject.ShouldNotBeNull().ShouldContain(Money(balance));
            foreach (var body in new[] { text, Decoded(html) })
            {
                body.ShouldContain(Money(balance));
                body.ShouldContain("(312) 757-5020");
                body.ShouldContain("payable to DuPage Medical Group");
                body.ShouldContain("1100 W 31st Street, Downers Grove, IL 60515");
                body.ShouldContain("cash is not accepted");
                body.ShouldContain(RequestScenarios.Written((await TodayAsync()).AddDays(59)));
            }
        }

        await app.Factory.FireAsync(request.Id, "RecordPayment", RequestScenarios.Clerk, ("method", "Check"), ("amount", "2.00"),
            ("checkNumber", "1042"));
        var (paidText, paidHtml) = Bodies(await app.SendRequesterMessageAsync(request.Id, "PaymentReceived"), request);
        foreach (var body in new[] { paidText, Read(paidHtml) })
        {
            body.ShouldContain("$2.00");
            body.ShouldContain("The balance due is now " + Money(balance - 2m));
            body.ShouldNotContain("paid in full");
        }
    }

    [Fact]
    public async Task APaymentThatClearsTheBalance_SaysThePaymentIsInFull_AndAsksForNoBalance()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        (await app.Factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        var balance = (await app.Factory.LoadAsync(request.Id)).BalanceDue;
        await app.Factory.PayInFullAsync(request.Id);

        var message = await app.SendRequesterMessageAsync(request.Id, "PaymentReceived");

        var (text, html) = Bodies(message, request);
        message.Subject.ShouldBe($"Payment received for records request {request.TrackingNumber}: paid in full");
        foreach (var body in new[] { text, Read(html) })
        {
            body.ShouldContain($"We received your payment of {Money(balance)} on {RequestScenarios.Written(await TodayAsync())}");
            body.ShouldContain("paid in full: there is nothing more to pay");
            body.ShouldContain("We now release the records the way you asked");
            body.ShouldNotContain("balance", Case.Insensitive);
            body.ShouldNotContain("$0.00");
        }
    }

    [Fact]
    public async Task DeadlineExtended_GivesTheReason_AndTheNewDueDate()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        await app.Factory.FireAsync(request.Id, "ExtendDeadline", RequestScenarios.Clerk,
            ("days", "20"), ("reason", "Some of the records are in off-site storage"));

        var message = await app.SendRequesterMessageAsync(request.Id, "DeadlineExtended");

        var (text, html) = Bodies(message, request);
        var extended = RequestScenarios.Written(request.DueOn.AddDays(20));
        message.Subject.ShouldNotBeNull().ShouldContain(extended);
        foreach (var body in new[] { text, html })
        {
            body.ShouldContain(extended);
            body.ShouldContain(RequestScenarios.Written(request.DueOn));
            body.ShouldContain("Some of the records are in off-site storage");
        }
    }

    [Fact]
    public async Task MailedRecords_AreAnnounced_ThenTheCompletedRequest()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Mail));
        await ReadyForReleaseAsync(request.Id, paperPages: 3);
        (await app.Factory.FireAsync(request.Id, "Mail", RequestScenarios.Clerk)).ToState.ShouldBe("Completed");

        var (mailed, _) = Bodies(await app.SendRequesterMessageAsync(request.Id, "Mailed"), request);
        var completed = await app.SendRequesterMessageAsync(request.Id, "Completed");

        mailed.ShouldContain($"We mailed the records for request {request.TrackingNumber} on {RequestScenarios.Written(await TodayAsync())}");
        completed.Subject.ShouldBe($"Records request {request.TrackingNumber} is complete");
        Bodies(completed, request).Text.ShouldContain("is complete");
    }

    [Fact]
    public async Task MailedRecords_WithSomethingLeftOut_SayItWithoutNamingIt()
    {
        var draft = RequestScenarios.PatientDraft(DeliveryMethod.Mail) with
        {
            Consents = [new SensitiveConsent { Category = SensitiveCategory.Hiv, Granted = false }],
        };
        var request = await app.Factory.StartAsync(draft);
        var state = await app.Factory.ThroughReviewWithExclusionsAsync(request.Id, paperPages: 3);
        if (state == "AwaitingPayment") await app.Factory.PayInFullAsync(request.Id);
        (await app.Factory.FireAsync(request.Id, "Mail", RequestScenarios.Clerk)).ToState.ShouldBe("Completed");

        var (text, html) = Bodies(await app.SendRequesterMessageAsync(request.Id, "Mailed"), request);

        foreach (var body in new[] { text, html })
        {
            body.ShouldContain("Part of the records was not included.");
            body.ShouldNotContain("HIV");
        }
    }

    [Fact]
    public async Task RecordsSentSecurely_PointToTheSeparateSecureMessage()
    {
        var draft = RequestScenarios.PatientDraft(DeliveryMethod.SecureEmail, RecordFormat.Electronic);
        var request = await app.Factory.StartAsync(draft);
        await ReadyForReleaseAsync(request.Id, electronicPages: 4, package: [1, 2, 3]);
        (await app.Factory.FireAsync(request.Id, "SendSecurely", RequestScenarios.Clerk)).ToState.ShouldBe("SendingByEmail");
        (await app.Factory.FireAsync(request.Id, "EmailHandedOff", BackOffice.Workflows.Lifecycle.Actor.System)).ToState.ShouldBe("Completed");

        var message = await app.SendRequesterMessageAsync(request.Id, "SentSecurely");

        var (text, html) = Bodies(message, request);
        foreach (var body in new[] { text, html }) body.ShouldContain("separate message");
    }

    [Fact]
    public async Task APickup_IsAnnounced_AsAwaitingTheCall_ThenWithTheAgreedTime()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Pickup));
        await ReadyForReleaseAsync(request.Id, paperPages: 3);
        (await app.Factory.LoadAsync(request.Id)).State.ShouldBe("AwaitingPickup");

        var (ready, readyHtml) = Bodies(await app.SendRequesterMessageAsync(request.Id, "ReadyForPickup"), request);
        ready.ShouldContain("An associate will call");
        readyHtml.ShouldContain("photo ID");

        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(19).AddMinutes(30), TimeSpan.Zero);
        await app.Factory.FireAsync(request.Id, "SchedulePickup", RequestScenarios.Clerk,
            ("pickupAt", at.ToString("O", CultureInfo.InvariantCulture)), ("arrangedWith", "Maria Lopez"));
        var (scheduled, scheduledHtml) = Bodies(await app.SendRequesterMessageAsync(request.Id, "PickupScheduled"), request);
        var written = app.Factory.Services.GetRequiredService<DepartmentClock>().WrittenWithTime(at);
        scheduled.ShouldContain(written);
        scheduledHtml.ShouldContain(written);
        scheduled.ShouldContain("1100 W 31st Street");
    }

    [Fact]
    public async Task Redirected_SaysWhereToAsk()
    {
        var draft = RequestScenarios.PatientDraft() with
        {
            Locations = [RecordsLocation.OtherFacility], OtherFacilityName = "Central DuPage Hospital",
        };
        var request = await app.Factory.StartAsync(draft);
        await app.Factory.FireAsync(request.Id, "Redirect", RequestScenarios.Clerk,
            ("redirectTo", "Central DuPage Hospital, Health Information Management, 25 N Winfield Rd, Winfield, IL <60190>"));

        var (text, html) = Bodies(await app.SendRequesterMessageAsync(request.Id, "Redirected"), request);

        text.ShouldContain("Central DuPage Hospital, Health Information Management, 25 N Winfield Rd, Winfield, IL <60190>");
        html.ShouldContain("Winfield, IL &lt;60190&gt;");
    }

    [Fact]
    public async Task Denied_GivesTheBasis_AndTheReviewRights()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        await app.Factory.FireAsync(request.Id, "Deny", Supervisor,
            ("basis", "A licensed professional judged that access is likely to endanger someone's life or physical safety."),
            ("reviewable", "true"));

        var (text, html) = Bodies(await app.SendRequesterMessageAsync(request.Id, "Denied"), request);

        foreach (var body in new[] { text, Decoded(html) })
        {
            body.ShouldContain("likely to endanger someone's life or physical safety");
            body.ShouldContain("reviewed by a licensed health care professional");
            body.ShouldContain("Office for Civil Rights");
        }
    }

    [Fact]
    public async Task Cancelled_GivesTheReason()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        await app.Factory.FireAsync(request.Id, "Cancel", RequestScenarios.Clerk, ("reason", "The requester no longer needs the records."));

        var (text, html) = Bodies(await app.SendRequesterMessageAsync(request.Id, "Cancelled"), request);

        foreach (var body in new[] { text, html }) body.ShouldContain("The requester no longer needs the records.");
    }

    [Fact]
    public async Task ARequesterWithoutEmail_GetsNoMessage()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft(email: ""));
        await using var scope = app.Factory.Services.CreateAsyncScope();

        var composed = await scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>().ComposeAsync(request.Id, "Received");

        composed.ShouldBeNull();
    }

    [Theory]
    [InlineData("NoSuchMessage")]
    [InlineData("PublishedToPortal")]
    [InlineData("DueWarning")]
    public async Task AMessageTypeThisComposerDoesNotRender_IsRefused(string type)
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>();

        var problem = await Should.ThrowAsync<ArgumentException>(() => composer.ComposeAsync(request.Id, type));

        problem.Message.ShouldContain(type);
    }

    [Fact]
    public async Task AStaffMessage_GoesToTheStaffMailbox_BySmtp()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        ComposedMessage composed;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            composed = (await scope.ServiceProvider.GetRequiredService<IStaffMessageComposer>().ComposeAsync(request.Id, "Overdue"))!;
        }

        var message = await app.SendAsync(composed);

        message.To.ToString().ShouldBe(SmtpApp.StaffMailbox);
        message.Body.ShouldBeOfType<MultipartAlternative>();
        message.TextBody.ShouldNotBeNull().ShouldContain($"https://records.dmg.example.org/Staff/Requests/{request.Id}");
        message.TextBody.ShouldNotBeNull().ShouldNotContain("Lopez");
    }

    /// <summary>Checks what every requester message must be and returns its text and HTML bodies.</summary>
    private static (string Text, string Html) Bodies(MimeMessage message, RecordsRequest request)
    {
        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        var text = message.TextBody.ShouldNotBeNull().ReplaceLineEndings("\n");
        var html = message.HtmlBody.ShouldNotBeNull();
        message.Subject.ShouldNotBeNull().ShouldContain(request.TrackingNumber);
        foreach (var body in new[] { text, html })
        {
            body.ShouldContain(request.TrackingNumber);
            body.ShouldNotContain("{{");
            // The patient's date of birth (April 15, 1980) and name are never in a message.
            foreach (var secret in new[] { "1980", "04/15", "4/15", "April 15", "Lopez", "Maria" }) body.ShouldNotContain(secret);
        }

        html.ShouldStartWith("<!DOCTYPE html>");
        return (text, html);
    }

    private async Task ReadyForReleaseAsync(Guid requestId, int paperPages = 0, int electronicPages = 0, byte[]? package = null)
    {
        var state = await app.Factory.ThroughReviewAsync(requestId, paperPages, electronicPages, package);
        if (state == "AwaitingPayment") await app.Factory.PayInFullAsync(requestId);
    }

    private async Task<DateOnly> TodayAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<DepartmentClock>().Today;
    }

    private static string Money(decimal amount) => amount.ToString("C", English);

    private static string Decoded(string html) => WebUtility.HtmlDecode(html) ?? "";

    /// <summary>The HTML body as it reads: tags removed, entities decoded.</summary>
    private static string Read(string html) => System.Text.RegularExpressions.Regex.Replace(Decoded(html), "<[^>]+>", "");
}
