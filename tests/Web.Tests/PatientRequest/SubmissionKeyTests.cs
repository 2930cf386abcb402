using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.PatientRequest;

/// <summary>
/// Sending a form is idempotent in the database (a unique submission key stored with the request): the same answers
/// sent again from another node, after the first answer was lost, get the first request; nothing is ever left "stuck".
/// </summary>
public sealed class SubmissionKeyTests
{
    [Fact]
    public async Task TheSameForm_SentAgainOnAnotherNode_AnswersWithTheFirstRequest()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var shared = Path.Combine(Path.GetTempPath(), "backoffice-two-nodes-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var first = RequestFactory.Create(time, new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = shared });
            await using var second = RequestFactory.Create(time, new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = shared });
            using var form = new RequestForm(first);
            await form.CompleteThroughAsync("/request/sign");
            var answers = form.Cookies.Container.GetCookies(new Uri("http://localhost/request/review"));

            // The first send is stored, but its answer never reaches the browser (the node died, the network dropped it).
            (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
            var stored = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
            using var again = new RequestForm(second);
            again.Cookies.Container.Add(answers);
            var resent = await again.PostAsync("/request/review");

            resent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            resent.Location().ShouldBe("/request/done");
            (await again.Client.GetPageAsync("/request/done")).Html.ShouldContain(stored.TrackingNumber);
            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            (await db.Requests.CountAsync(r => r.SubmissionKey == stored.SubmissionKey)).ShouldBe(1);
            stored.SubmissionKey.ShouldNotBeNull();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(shared)) Directory.Delete(shared, recursive: true);
        }
    }

    [Fact]
    public async Task TwoRequests_CannotShareASubmissionKey_InTheDatabase()
    {
        await using var app = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var one = new RequestForm(app);
        using var other = new RequestForm(app);
        await one.SubmitAsync();
        await other.SubmitAsync();
        var first = (await one.StoredRequestsAsync()).ShouldHaveSingleItem();
        var second = (await other.StoredRequestsAsync()).ShouldHaveSingleItem();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();

        var clash = await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Requests\" SET \"SubmissionKey\" = (SELECT \"SubmissionKey\" FROM \"Requests\" WHERE \"TrackingNumber\" = {first.TrackingNumber}) WHERE \"TrackingNumber\" = {second.TrackingNumber}"));

        clash.Message.ShouldContain("UNIQUE", Case.Insensitive);
        first.SubmissionKey.ShouldNotBe(second.SubmissionKey);
    }
}
