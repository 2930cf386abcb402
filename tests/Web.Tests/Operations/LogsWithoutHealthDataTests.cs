using System.Globalization;
using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Operations;

/// <summary>
/// Logs carry tracking numbers and ids, never health information: a whole request goes through — sent online with a
/// photo ID, looked up on the status page, verified, counted, reviewed, paid and mailed by staff — with every log line
/// at every level kept (scopes and structured values included), and not one holds the patient's name, date of birth,
/// address, phone, e-mail or what the request says.
/// </summary>
public sealed class LogsWithoutHealthDataTests
{
    [Fact]
    public async Task AWholeRequest_LeavesNoPatientValueInAnyLogLine()
    {
        await using var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow),
            new Dictionary<string, string?> { [BackOfficeFactory.CaptureAllLogs] = "true" });
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
        (await ActAsync(factory, clerk, request.Id, "Mail")).State.ShouldBe("Completed");
        (await clerk.GetAsync(new Uri($"/Staff/Requests?search={form.Answers.LastName}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = factory.LogMessages;
        lines.Count.ShouldBeGreaterThan(100, "every level is captured");
        lines.ShouldContain(line => line.Contains(request.TrackingNumber, StringComparison.Ordinal), "tracking numbers are what logs carry");
        // The request line the app logs instead of the URL: the path, not the query string that held the search.
        lines.ShouldContain(line => line.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
            && line.Contains("/Staff/Requests", StringComparison.Ordinal));
        string[] patientValues =
        [
            form.Answers.LastName, "Kowalczykowna", "1980-03-31", "03/31/1980", "March 31, 1980", "12 Elm Street", "maria@example.com",
            "630-555-0100", "MRN-LOG-4711", "knee surgery", "drivers-license.jpg",
        ];
        var leaks = lines.SelectMany(line => patientValues.Where(value => line.Contains(value, StringComparison.OrdinalIgnoreCase))
            .Select(value => $"'{value}' in: {line[..Math.Min(line.Length, 300)]}")).ToList();
        leaks.ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Take(20)));
    }

    private static async Task<BackOffice.Workflows.Requests.RecordsRequest> ActAsync(BackOfficeFactory factory, HttpClient client, Guid id,
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
