using System.Net;
using System.Text;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackOffice.Web.Tests.Encryption;

/// <summary>
/// The app's own database file, read as bytes as a stolen copy would be: a request sent online and a clerk's queue search
/// for the date of birth leave no date of birth, phone, e-mail address or street address in it; the names stay (by design).
/// </summary>
public sealed class DatabaseFieldsTests
{
    [Fact]
    public async Task AnOnlineRequestAndAQueueSearch_LeaveNoDateOfBirthOrContactDetailsInTheDatabaseFile()
    {
        await using var factory = new BackOfficeFactory();
        using var form = new RequestForm(factory);
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        using var clerk = await factory.SignedInAsync("clerk");

        var (status, html) = await clerk.GetPageAsync("/Staff/Requests?search=03%2F31%2F1980");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(request.TrackingNumber);
        SqliteConnection.ClearAllPools();
        var file = Path.Combine(factory.DataDirectory, "backoffice.db");
        var bytes = (await File.ReadAllBytesAsync(file))
            .Concat(File.Exists(file + "-wal") ? await File.ReadAllBytesAsync(file + "-wal") : []).ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var secret in new[] { "1980-03-31", "03/31/1980", "630-555-0100", "maria@example.com", "12 Elm Street", "Naperville" })
            text.ShouldNotContain(secret, Case.Insensitive);
        text.ShouldContain(form.Answers.LastName); // names are kept plain for the queue's name search
    }
}
