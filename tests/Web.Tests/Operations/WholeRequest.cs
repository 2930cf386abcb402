using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Operations;

/// <summary>
/// A whole request through the app, as the operations tests need it: sent online with a photo ID, looked up on the status
/// page, verified, counted, reviewed, paid and mailed by staff (or through the jobs: the outbox's e-mails and letters,
/// then the day's mailing batch), then searched for by the patient's name. Returns the request and every patient value
/// it carried, for the tests that look for them where they must never be.
/// </summary>
internal static class WholeRequest
{
    /// <param name="throughTheJobs">Instead of a clerk's "Mail": the outbox is dispatched (e-mails through the configured
    /// transport, letters rendered as PDFs), the daily mailing batch mails the request, and the outbox is dispatched again.</param>
    public static async Task<(RecordsRequest Request, string[] PatientValues)> RunAsync(BackOfficeFactory factory, bool throughTheJobs = false)
    {
        using var form = new RequestForm(factory);
        form.Answers.Patient["Patient.MedicalRecordNumber"] = "MRN-LOG-4711";
        form.Answers.Patient["Patient.FormerNames"] = "Kowalczykowna";
        form.Answers.Information["Information.AllRecords"] = "false";
        form.Answers.Information["Information.Description"] = "the knee surgery at Riverside";
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();

        var status = await form.Client.PostFormAsync("/status", new Dictionary<string, string>
        {
            ["TrackingNumber"] = request.TrackingNumber, ["DateOfBirth"] = "1980-03-31",
        });
        status.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);

        using var clerk = await factory.SignedInAsync("clerk");
        using var reviewer = await factory.SignedInAsync("reviewer");
        await ActAsync(factory, clerk, request.Id, "Verify", ("identityChecked", "true"));
        await ActAsync(factory, clerk, request.Id, "StartFulfillment");
        await ActAsync(factory, clerk, request.Id, "RecordPages", ("contentsChecked", "true"), ("paper", "12"), ("postage", "1.50"));
        await ActAsync(factory, clerk, request.Id, "SubmitForReview");
        var approved = await ActAsync(factory, reviewer, request.Id, "Approve");
        await ActAsync(factory, clerk, request.Id, "RecordPayment", ("method", "Check"),
            ("amount", approved.BalanceDue.ToString(CultureInfo.InvariantCulture)), ("checkNumber", "1042"));
        if (throughTheJobs)
        {
            (await DispatchOutboxAsync(factory)).ShouldBeGreaterThan(0);
            await using (var scope = factory.Services.CreateAsyncScope())
                (await scope.ServiceProvider.GetRequiredService<MailingBatchJob>().RunAsync()).ShouldBe(1);
            (await DispatchOutboxAsync(factory)).ShouldBeGreaterThan(0, "the mailing writes the \"mailed\" message");
            (await factory.LoadAsync(request.Id)).State.ShouldBe("Completed");
        }
        else (await ActAsync(factory, clerk, request.Id, "Mail")).State.ShouldBe("Completed");
        (await clerk.GetAsync(new Uri($"/Staff/Requests?search={form.Answers.LastName}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        return (request, PatientValues(form.Answers));
    }

    /// <summary>
    /// Every value of the patient's that <see cref="RunAsync"/> sends, in each form the app could write it: names, the date
    /// of birth as typed, as stored and in every way the app writes a date (English and Spanish, numeric and in words),
    /// the address, phone, e-mail, record number, what the request asks for and the photo ID's file name.
    /// </summary>
    public static string[] PatientValues(Answers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return
        [
            answers.Patient["Patient.FirstName"], answers.LastName, "Kowalczykowna",
            "1980-03-31", "03/31/1980", "3/31/1980", "31/03/1980", "31.03.1980", "1980/03/31", "19800331",
            "March 31, 1980", "Mar 31, 1980", "31 March 1980", "31 de marzo de 1980",
            "12 Elm Street", "12 Elm St", answers.Patient["Patient.Address.City"], answers.Patient["Patient.Address.PostalCode"],
            "630-555-0100", "(630) 555-0100", "630.555.0100", "6305550100", answers.Patient["Patient.Email"],
            "MRN-LOG-4711", "knee surgery", "Riverside", "drivers-license.jpg",
        ];
    }

    /// <summary>
    /// Carries out every outbox row that is due, as the jobs would: first together, as the outbox pump hands them over
    /// (<see cref="OutboxDispatcher.DispatchBatchAsync"/>), then each row still due on its own, as the outbox sweep takes
    /// it. Returns how many rows were due.
    /// </summary>
    public static async Task<int> DispatchOutboxAsync(BackOfficeFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var due = await DueOutboxRowsAsync(factory);
        if (due.Count == 0) return 0;
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(due);
        foreach (var id in await DueOutboxRowsAsync(factory))
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(id);
        }

        return due.Count;
    }

    private static async Task<List<Guid>> DueOutboxRowsAsync(BackOfficeFactory factory)
    {
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rows = await factory.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.ProcessedAt == null).ToListAsync());
        return [.. rows.Where(o => o.CanClaim(now)).Select(o => o.Id)];
    }

    /// <summary>
    /// "'value' in: line" for each patient value found in each text (any case), for a failure message that shows where. A
    /// value counts where it stands on its own, not inside a longer run of letters and digits: a ZIP code's five digits
    /// turn up in hexadecimal ids, durations and counters by chance.
    /// </summary>
    public static List<string> Leaks(IEnumerable<string> texts, string[] patientValues)
    {
        var patterns = patientValues.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(value => (value, Pattern: new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(value)}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
            .ToList();
        return [.. texts.SelectMany(text => patterns.Where(p => p.Pattern.IsMatch(text))
            .Select(p => $"'{p.value}' in: {text[..Math.Min(text.Length, 300)]}"))];
    }

    private static async Task<RecordsRequest> ActAsync(BackOfficeFactory factory, HttpClient client, Guid id,
        string trigger, params (string Key, string Value)[] args)
    {
        var page = $"/Staff/Requests/{id}";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("trigger", trigger),
            new("version", (await factory.LoadAsync(id)).Version.ToString(CultureInfo.InvariantCulture)),
        };
        fields.AddRange(args.Select(a => KeyValuePair.Create($"args[{a.Key}]", a.Value)));
        var response = await client.PostFormAsync(page, fields, page + "?handler=Action");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{trigger}: {await response.Content.ReadAsStringAsync()}");
        return await factory.LoadAsync(id);
    }
}
