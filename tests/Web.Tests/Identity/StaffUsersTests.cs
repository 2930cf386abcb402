using System.Net;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Identity;

public sealed class StaffUsersTests
{
    private const string NewPassword = "Fresh-Start-2026!";

    private static List<KeyValuePair<string, string>> NewAccount(string userName, string password, params string[] roles)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.UserName", userName),
            new("Input.DisplayName", "Pat Newcomer"),
            new("Input.Email", ""),
            new("Input.Password", password),
            new("Input.ConfirmPassword", password),
        };
        fields.AddRange(roles.Select(r => KeyValuePair.Create("Input.Roles", r)));
        return fields;
    }

    [Fact]
    public async Task Supervisor_CreatesAUserWithRoles_WhoCanThenSignIn()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");

        var response = await supervisor.PostFormAsync("/Staff/Users/Create", NewAccount("pnewcomer", NewPassword, "Clerk", "RulesAdmin"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Staff/Users");
        var list = (await supervisor.GetPageAsync("/Staff/Users")).Html;
        list.ShouldContain("Account pnewcomer created");
        list.ShouldMatch(@"<td>pnewcomer</td>\s*<td>Pat Newcomer</td>\s*<td>Clerk, Rules administrator</td>\s*<td>Active</td>");
        (await factory.RolesOfAsync("pnewcomer")).Order().ShouldBe(["Clerk", "RulesAdmin"]);
        using var newcomer = await factory.SignedInAsync("pnewcomer", NewPassword);
        (await newcomer.GetPageAsync("/Staff")).Html.ShouldContain("Signed in as <a href=\"/Staff\">Pat Newcomer</a>");
        factory.LogMessages.ShouldContain(m => m.Contains("Staff account pnewcomer created with roles Clerk, RulesAdmin by supervisor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_RefusesAWeakPassword_WithAMessageNextToTheField()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");

        var response = await supervisor.PostFormAsync("/Staff/Users/Create", NewAccount("pnewcomer", "password", "Clerk"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var message = StaffClient.FieldError(html, "Input_Password").ShouldNotBeNull();
        message.ShouldContain("at least 12 characters");
        message.ShouldContain("uppercase");
        message.ShouldContain("digit");
        html.ShouldContain("<a href=\"#Input_Password\">");
        html.ShouldContain("aria-invalid=\"true\" type=\"password\"");
        (await factory.FindStaffUserAsync("pnewcomer")).ShouldBeNull();
    }

    [Fact]
    public async Task Create_RefusesTwoEmailAddressesInOneField()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");
        var fields = NewAccount("pnewcomer", NewPassword, "Clerk");
        fields.RemoveAll(f => f.Key == "Input.Email");
        fields.Add(new("Input.Email", "pat@example.org, pat.home@example.org"));

        var html = await (await supervisor.PostFormAsync("/Staff/Users/Create", fields)).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Input_Email").ShouldBe("Enter an e-mail address like name@example.org, or leave it empty.");
        (await factory.FindStaffUserAsync("pnewcomer")).ShouldBeNull();
    }

    [Fact]
    public async Task Create_ShowsEveryProblemAtOnce_MissingFields_NoRole_WeakPassword_DuplicateUserName()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");

        var empty = await (await supervisor.PostFormAsync("/Staff/Users/Create", NewAccount("", "password"))).Content.ReadAsStringAsync();
        var duplicate = await (await supervisor.PostFormAsync("/Staff/Users/Create", NewAccount("clerk", NewPassword, "Clerk"))).Content.ReadAsStringAsync();

        StaffClient.FieldError(empty, "Input_UserName").ShouldBe("Enter a user name.");
        StaffClient.FieldError(empty, "Input_Roles").ShouldBe("Choose at least one role.");
        StaffClient.FieldError(empty, "Input_Password").ShouldNotBeNull().ShouldContain("at least 12 characters");
        empty.IndexOf("<a href=\"#Input_UserName\">", StringComparison.Ordinal)
            .ShouldBeLessThan(empty.IndexOf("<a href=\"#Input_Roles\">Choose at least one role.</a>", StringComparison.Ordinal));
        StaffClient.FieldError(duplicate, "Input_UserName").ShouldNotBeNull().ShouldContain("'clerk' is already taken");
        (await factory.RolesOfAsync("clerk")).ShouldBe(["Clerk"]);
    }

    [Fact]
    public async Task Create_WithoutTheAntiforgeryToken_IsRefused()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");

        var response = await supervisor.PostAsync(new Uri("/Staff/Users/Create", UriKind.Relative),
            new FormUrlEncodedContent(NewAccount("pnewcomer", NewPassword, "Supervisor")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.FindStaffUserAsync("pnewcomer")).ShouldBeNull();
    }

    [Fact]
    public async Task DisabledUser_CanNoLongerSignIn_UntilEnabledAgain()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");
        var edit = $"/Staff/Users/Edit/{(await factory.FindStaffUserAsync("clerk"))!.Id}";

        var disabled = await supervisor.PostFormAsync(edit, [], action: edit + "?handler=Disable");

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.FindStaffUserAsync("clerk"))!.IsDisabled.ShouldBeTrue();
        (await supervisor.GetPageAsync("/Staff/Users")).Html.ShouldMatch(@"<td>clerk</td>\s*<td>Demo Clerk</td>\s*<td>Clerk</td>\s*<td>Disabled</td>");
        using var clerk = factory.CreateBrowser();
        var refused = await clerk.SignInAsync("clerk");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(BackOffice.Web.Pages.Account.SignInModel.FailedMessage));

        await supervisor.PostFormAsync(edit, [], action: edit + "?handler=Enable");

        (await clerk.SignInAsync("clerk")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Supervisor_CannotDisableThemselves_NorDropTheirOwnSupervisorRole()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");
        var self = await factory.FindStaffUserAsync("supervisor");
        var edit = $"/Staff/Users/Edit/{self!.Id}";

        var disable = await supervisor.PostFormAsync(edit, [], action: edit + "?handler=Disable");
        var demote = await supervisor.PostFormAsync(edit,
        [
            new("Input.DisplayName", "Demo Supervisor"), new("Input.Email", ""), new("Input.Roles", "Clerk"),
            new("Input.ConcurrencyStamp", self.ConcurrencyStamp!),
        ], action: edit + "?handler=Save");

        (await disable.Content.ReadAsStringAsync()).ShouldContain("You cannot disable your own account.");
        StaffClient.FieldError(await demote.Content.ReadAsStringAsync(), "Input_Roles").ShouldNotBeNull().ShouldContain("your own Supervisor role");
        (await factory.FindStaffUserAsync("supervisor"))!.IsDisabled.ShouldBeFalse();
        (await factory.RolesOfAsync("supervisor")).ShouldBe(["Supervisor"]);
    }

    [Fact]
    public async Task Edit_ChangesNameAndRoles()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");
        var clerk = await factory.FindStaffUserAsync("clerk");
        var edit = $"/Staff/Users/Edit/{clerk!.Id}";

        var response = await supervisor.PostFormAsync(edit,
        [
            new("Input.DisplayName", "Casey Clerk"), new("Input.Email", "casey@example.org"),
            new("Input.Roles", "RulesAdmin"), new("Input.ConcurrencyStamp", clerk.ConcurrencyStamp!),
        ], action: edit + "?handler=Save");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.GetPageAsync(edit)).Html.ShouldContain("Name and roles saved.");
        var stored = await factory.FindStaffUserAsync("clerk");
        stored!.DisplayName.ShouldBe("Casey Clerk");
        stored.Email.ShouldBe("casey@example.org");
        (await factory.RolesOfAsync("clerk")).ShouldBe(["RulesAdmin"]);
    }

    [Fact]
    public async Task Edit_RefusesAStaleForm_InsteadOfOverwritingSomeoneElsesChange()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");
        var clerk = await factory.FindStaffUserAsync("clerk");
        var edit = $"/Staff/Users/Edit/{clerk!.Id}";
        await supervisor.PostFormAsync(edit,
        [
            new("Input.DisplayName", "Changed First"), new("Input.Roles", "Clerk"), new("Input.ConcurrencyStamp", clerk.ConcurrencyStamp!),
        ], action: edit + "?handler=Save");

        var stale = await supervisor.PostFormAsync(edit,
        [
            new("Input.DisplayName", "Changed Second"), new("Input.Roles", "Clerk"), new("Input.ConcurrencyStamp", clerk.ConcurrencyStamp!),
        ], action: edit + "?handler=Save");

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Someone else changed this account while you had it open.");
        (await factory.FindStaffUserAsync("clerk"))!.DisplayName.ShouldBe("Changed First");
    }

    [Fact]
    public async Task ResetPassword_ReplacesTheOldOne_AndRefusesAWeakOne()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");
        var edit = $"/Staff/Users/Edit/{(await factory.FindStaffUserAsync("clerk"))!.Id}";

        var weak = await supervisor.PostFormAsync(edit,
            [new("Reset.NewPassword", "short"), new("Reset.ConfirmPassword", "short")], action: edit + "?handler=ResetPassword");
        var reset = await supervisor.PostFormAsync(edit,
            [new("Reset.NewPassword", NewPassword), new("Reset.ConfirmPassword", NewPassword)], action: edit + "?handler=ResetPassword");

        StaffClient.FieldError(await weak.Content.ReadAsStringAsync(), "Reset_NewPassword").ShouldNotBeNull().ShouldContain("at least 12 characters");
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var clerk = factory.CreateBrowser();
        (await clerk.SignInAsync("clerk")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.SignInAsync("clerk", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Edit_AnswersNotFound_ForAnUnknownAccount()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");

        var response = await supervisor.GetAsync(new Uri("/Staff/Users/Edit/no-such-account", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
