using System.Globalization;
using System.Net;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.RequesterApi;
using BackOffice.Web.Tests.SecureEmail;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Operations;

/// <summary>
/// Logs carry tracking numbers and ids, never health information: a whole request goes through (<see cref="WholeRequest"/>)
/// with every log line at every level kept (scopes, structured values and exceptions included), and not one holds the
/// patient's name, date of birth, address, phone, e-mail or what the request says — neither on the web requests nor in
/// the jobs that follow them (e-mails, letters, the mailing batch, webhooks), nor when a message cannot be sent.
/// </summary>
public sealed class LogsWithoutHealthDataTests
{
    [Fact]
    public async Task AWholeRequest_ThroughTheJobs_LeavesNoPatientValueInAnyLogLine()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
        {
            [BackOfficeFactory.CaptureAllLogs] = "true",
            ["BackOffice:Webhooks:AllowPrivateAddresses"] = "true",
        });
        var (request, patientValues) = await WholeRequest.RunAsync(factory, throughTheJobs: true);
        var (apiTrackingNumber, apiPatientValues) = await SendThroughTheApiAsync(factory, receiver);

        var lines = factory.LogMessages;
        lines.Count.ShouldBeGreaterThan(100, "every level is captured");
        lines.ShouldContain(line => line.Contains(request.TrackingNumber, StringComparison.Ordinal), "tracking numbers are what logs carry");
        // The request line the app logs instead of the URL: the path, not the query string that held the search.
        lines.ShouldContain(line => line.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
            && line.Contains("/Staff/Requests", StringComparison.Ordinal));
        // The jobs' own lines are among them: e-mails through the configured transport (the mail folder), the letters
        // rendered and stored, the mailing batch, the webhook posted to the organisation.
        lines.ShouldContain(line => line.StartsWith("BackOffice.Web.EmailTransport.PickupDirectoryEmailSender", StringComparison.Ordinal)
            && line.Contains(request.TrackingNumber, StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("BackOffice.Web.Jobs.OutboxDispatcher", StringComparison.Ordinal)
            && line.Contains($"stored for request {request.Id}", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("BackOffice.Web.Jobs.MailingBatchJob", StringComparison.Ordinal) && line.Contains("1 mailed", StringComparison.Ordinal));
        lines.ShouldContain(line => line.StartsWith("BackOffice.Web.Webhooks.WebhookSender", StringComparison.Ordinal));
        receiver.Applied.ShouldNotBeEmpty();
        receiver.Received.ShouldContain(e => e.Body.Contains(apiTrackingNumber, StringComparison.Ordinal));
        // The check finds what it looks for, written as the app would write it (a mailing label, a date), not inside ids.
        WholeRequest.Leaks([$"label: {patientValues[0]} {patientValues[1]}, 12 Elm St, Naperville, IL 60540; born 03/31/1980",
            "id 0f60540a-3fa3-4f0a-9a60-5402bd94a1c3"], patientValues).Count.ShouldBe(6);
        var leaks = WholeRequest.Leaks(lines, [.. patientValues, .. apiPatientValues]);
        leaks.ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Take(20)));
    }

    [Fact]
    public async Task AFailingSmtpSend_LogsTheFailureAndTheIncident_WithoutAnyPatientValue()
    {
        await using var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
        {
            [BackOfficeFactory.CaptureAllLogs] = "true",
            // A mail server that is down: nothing listens on the port, every connection is refused.
            ["BackOffice:Smtp:Host"] = "127.0.0.1",
            ["BackOffice:Smtp:Port"] = SmtpPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["BackOffice:Smtp:Security"] = "None",
            ["BackOffice:Jobs:MaxAttempts"] = "2",
            ["BackOffice:Jobs:RetryDelaySeconds"] = "0",
        });
        using var form = new RequestForm(factory);
        form.Answers.Patient["Patient.MedicalRecordNumber"] = "MRN-LOG-4711";
        form.Answers.Information["Information.AllRecords"] = "false";
        form.Answers.Information["Information.Description"] = "the knee surgery at Riverside";
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();

        // Two attempts (the pause between them is none here): the first failure is logged as a warning and the row is due
        // again at once, so the second attempt follows and makes it an incident (an error).
        (await WholeRequest.DispatchOutboxAsync(factory)).ShouldBeGreaterThan(0);

        var incidents = await factory.QueryAsync(db => db.Outbox.AsNoTracking()
            .Where(o => o.RequestId == request.Id && o.Kind == OutboxKind.RequesterMessage).ToListAsync());
        incidents.ShouldNotBeEmpty();
        incidents.ShouldAllBe(o => o.HasOpenIncident && o.LastError!.Contains("Connection refused"));
        var lines = factory.LogMessages;
        lines.ShouldContain(line => line.StartsWith("BackOffice.Web.Jobs.OutboxDispatcher", StringComparison.Ordinal)
            && line.Contains("(attempt 1)", StringComparison.Ordinal) && line.Contains("Connection refused", StringComparison.Ordinal));
        factory.ErrorLogMessages.ShouldContain(line => line.Contains("it is now an incident", StringComparison.Ordinal)
            && line.Contains(request.Id.ToString(), StringComparison.Ordinal));
        var leaks = WholeRequest.Leaks(lines, WholeRequest.PatientValues(form.Answers));
        leaks.ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Take(20)));
    }

    [Fact]
    public async Task ARecipientRefusedByTheMailServer_IsLoggedWithoutTheAddressTheServerRepeated()
    {
        using var smtp = TlsSmtpServer.RefusingEveryRecipient();
        await using var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
        {
            [BackOfficeFactory.CaptureAllLogs] = "true",
            ["BackOffice:Smtp:Host"] = "127.0.0.1",
            ["BackOffice:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["BackOffice:Smtp:Security"] = "None",
            ["BackOffice:Jobs:MaxAttempts"] = "2",
            ["BackOffice:Jobs:RetryDelaySeconds"] = "0",
        });
        using var form = new RequestForm(factory);
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();

        (await WholeRequest.DispatchOutboxAsync(factory)).ShouldBeGreaterThan(0);

        // The server's refusal still says what went wrong, to the logs and to staff, without the address it repeated.
        var refused = await factory.QueryAsync(db => db.Outbox.AsNoTracking()
            .SingleAsync(o => o.RequestId == request.Id && o.Kind == OutboxKind.RequesterMessage));
        refused.HasOpenIncident.ShouldBeTrue();
        refused.LastError.ShouldNotBeNull().ShouldContain("Recipient address rejected");
        refused.LastError.ShouldNotContain(form.Answers.Patient["Patient.Email"]);
        var lines = factory.LogMessages;
        lines.ShouldContain(line => line.StartsWith("BackOffice.Web.Jobs.OutboxDispatcher", StringComparison.Ordinal)
            && line.Contains("Recipient address rejected", StringComparison.Ordinal));
        var leaks = WholeRequest.Leaks(lines, WholeRequest.PatientValues(form.Answers));
        leaks.ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Take(20)));
    }

    /// <summary>
    /// A law firm's request through the requester API, with the firm's webhook set: the "received" event is posted by
    /// the outbox. Returns its tracking number and its patient's values (another patient than the online one).
    /// </summary>
    private static async Task<(string TrackingNumber, string[] PatientValues)> SendThroughTheApiAsync(BackOfficeFactory factory, WebhookReceiver receiver)
    {
        var (organisation, _, key) = await factory.OrganisationWithKeyAsync();
        using (var supervisor = await factory.SignedInAsync("supervisor")) await receiver.SetForAsync(supervisor, organisation.Id);
        var lastName = "Wisniewska" + Guid.NewGuid().ToString("N")[..8];
        var form = RequesterApiClient.AttorneyForm(lastName);
        form["patient"]!["phone"] = "331-555-0177";
        form["patient"]!["email"] = "w.patient@example.net";
        using var api = factory.ApiClient(key);
        var created = await api.SendAsync(form);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var trackingNumber = (await created.JsonAsync()).GetProperty("trackingNumber").GetString()!;
        (await WholeRequest.DispatchOutboxAsync(factory)).ShouldBeGreaterThan(0);
        return (trackingNumber,
        [
            lastName, "Maria " + lastName, "1980-04-15", "04/15/1980", "4/15/1980", "15/04/1980", "April 15, 1980",
            "15 de abril de 1980", "12 Oak St", "331-555-0177", "3315550177", "w.patient@example.net",
        ]);
    }
}
