using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Operations;

/// <summary>
/// Logs carry tracking numbers and ids, never health information: a whole request goes through (<see cref="WholeRequest"/>)
/// with every log line at every level kept (scopes and structured values included), and not one holds the patient's
/// name, date of birth, address, phone, e-mail or what the request says.
/// </summary>
public sealed class LogsWithoutHealthDataTests
{
    [Fact]
    public async Task AWholeRequest_LeavesNoPatientValueInAnyLogLine()
    {
        await using var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow),
            new Dictionary<string, string?> { [BackOfficeFactory.CaptureAllLogs] = "true" });
        var (request, patientValues) = await WholeRequest.RunAsync(factory);

        var lines = factory.LogMessages;
        lines.Count.ShouldBeGreaterThan(100, "every level is captured");
        lines.ShouldContain(line => line.Contains(request.TrackingNumber, StringComparison.Ordinal), "tracking numbers are what logs carry");
        // The request line the app logs instead of the URL: the path, not the query string that held the search.
        lines.ShouldContain(line => line.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
            && line.Contains("/Staff/Requests", StringComparison.Ordinal));
        var leaks = WholeRequest.Leaks(lines, patientValues);
        leaks.ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Take(20)));
    }
}
