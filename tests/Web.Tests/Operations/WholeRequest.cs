using System.Globalization;
using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.Operations;

/// <summary>
/// A whole request through the app, as the operations tests need it: sent online with a photo ID, looked up on the status
/// page, verified, counted, reviewed, paid and mailed by staff, then searched for by the patient's name. Returns the
/// request and every patient value it carried, for the tests that look for them where they must never be.
/// </summary>
internal static class WholeRequest
{
    public static async Task<(RecordsRequest Request, string[] PatientValues)> RunAsync(BackOfficeFactory factory)
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
        (await ActAsync(factory, clerk, request.Id, "Mail")).State.ShouldBe("Completed");
        (await clerk.GetAsync(new Uri($"/Staff/Requests?search={form.Answers.LastName}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        string[] patientValues =
        [
            form.Answers.LastName, "Kowalczykowna", "1980-03-31", "03/31/1980", "March 31, 1980", "12 Elm Street", "maria@example.com",
            "630-555-0100", "MRN-LOG-4711", "knee surgery", "drivers-license.jpg",
        ];
        return (request, patientValues);
    }

    /// <summary>"'value' in: line" for each patient value found in each text, for a failure message that shows where.</summary>
    public static List<string> Leaks(IEnumerable<string> texts, string[] patientValues) =>
        [.. texts.SelectMany(text => patientValues.Where(value => text.Contains(value, StringComparison.OrdinalIgnoreCase))
            .Select(value => $"'{value}' in: {text[..Math.Min(text.Length, 300)]}"))];

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
