using System.Net;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Identity;

public sealed class SessionTests
{
    [Fact]
    public async Task DisablingAnAccount_EndsItsOpenSession_WithinAMinute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new BackOfficeFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(time) };
        using var clerk = await factory.SignedInAsync("clerk");
        using var supervisor = await factory.SignedInAsync("supervisor");
        (await clerk.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var edit = $"/Staff/Users/Edit/{(await factory.FindStaffUserAsync("clerk"))!.Id}";

        await supervisor.PostFormAsync(edit, [], action: edit + "?handler=Disable");
        time.Advance(TimeSpan.FromSeconds(61));

        var response = await clerk.GetAsync(new Uri("/Staff", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/SignIn");
        (await supervisor.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Session_Ends_AfterThirtyIdleMinutes_ButNotWhileInUse()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new BackOfficeFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(time) };
        using var busy = await factory.SignedInAsync("clerk");
        using var idle = await factory.SignedInAsync("reviewer");

        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromMinutes(20));
            (await busy.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {(i + 1) * 20} busy minutes");
        }

        (await idle.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
