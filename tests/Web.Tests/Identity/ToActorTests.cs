using System.Security.Claims;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Identity;

public sealed class ToActorTests
{
    [Fact]
    public async Task ToActor_OfASignedInPrincipal_CarriesTheAccountIdDisplayNameAndRoles()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var supervisor = await users.FindByNameAsync("supervisor");
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync(supervisor!);

        var actor = principal.ToActor();

        actor.Id.ShouldBe(supervisor!.Id);
        actor.DisplayName.ShouldBe("Demo Supervisor");
        actor.Roles.ShouldBe([LifecycleRoles.Supervisor], ignoreOrder: true);
        actor.IsInRole(LifecycleRoles.Clerk).ShouldBeFalse();
    }

    [Fact]
    public void ToActor_KeepsOnlyStaffRoles()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "u-1"), new Claim(ClaimTypes.Name, "clerk"),
            new Claim(ClaimTypes.Role, "Clerk"), new Claim(ClaimTypes.Role, "System"), new Claim(ClaimTypes.Role, "Requester"),
        ], "Test"));

        var actor = principal.ToActor();

        actor.Roles.ShouldBe(["Clerk"]);
        actor.DisplayName.ShouldBe("clerk");
    }

    [Fact]
    public void ToActor_RefusesAnAnonymousPrincipal()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Should.Throw<InvalidOperationException>(() => anonymous.ToActor()).Message.ShouldContain("not signed in");
    }
}
