using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary>A supervisor registers a requester organisation and issues and revokes its keys at /Staff/Organisations.</summary>
public sealed partial class OrganisationPagesTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [GeneratedRegex("<code id=\"issued-key\">(?<key>[^<]+)</code>")]
    private static partial Regex IssuedKey();

    [Fact]
    public async Task ASupervisor_RegistersAnOrganisation_IssuesAKeyShownOnce_AndRevokesIt_AllAudited()
    {
        using var supervisor = await _factory.SignedInAsync("supervisor");

        var registered = await supervisor.PostFormAsync("/Staff/Organisations/Create",
        [
            new("Input.Name", "Smith & Jones LLP"), new("Input.Type", "Attorney"), new("Input.ContactEmail", "records@smithjones.example.org"),
            new("Input.AllowedDeliveryMethods", "Mail"), new("Input.AllowedDeliveryMethods", "Portal"),
        ]);

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await registered.Content.ReadAsStringAsync());
        var details = registered.Headers.Location!.OriginalString;
        var (status, page) = await supervisor.GetPageAsync(details);
        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("Smith &amp; Jones LLP");
        page.ShouldContain("No key has been issued yet.");

        var issued = await supervisor.PostFormAsync(details, [new("KeyName", "case system"), new("ExpiresOn", "2099-12-31")], details + "?handler=Issue");
        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        issued.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var issuedPage = await issued.Content.ReadAsStringAsync();
        var secret = WebUtility.HtmlDecode(IssuedKey().Match(issuedPage).Groups["key"].Value);
        secret.ShouldStartWith(ApiKey.KeyStart);

        (_, page) = await supervisor.GetPageAsync(details);
        page.ShouldNotContain(secret); // shown once
        page.ShouldContain("case system");
        page.ShouldContain(secret[..(ApiKey.KeyStart.Length + ApiKey.PrefixLength)]);

        ApiKey key;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            key = await db.ApiKeys.SingleAsync();
            key.Matches(secret).ShouldBeTrue();
            key.ExpiresAt.ShouldNotBeNull();
        }

        var revoked = await supervisor.PostFormAsync(details, [new("keyId", key.Id.ToString())], details + "?handler=Revoke");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (_, page) = await supervisor.GetPageAsync(details);
        page.ShouldContain("Revoked");

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            (await db.ApiKeys.SingleAsync()).RevokedAt.ShouldNotBeNull();
            var actions = await db.Audit.AsNoTracking().Select(a => a.Action).ToListAsync();
            actions.ShouldContain("RegisterOrganisation");
            actions.ShouldContain("IssueApiKey");
            actions.ShouldContain("RevokeApiKey");
            // Each view of the page, as every staff view: three shown here, and the two the form posts read their token from.
            actions.Count(a => a == "ViewOrganisation").ShouldBe(5);
            (await db.Audit.AsNoTracking().ToListAsync()).ShouldAllBe(a => a.Subject == null || !a.Subject.Contains(secret));
        }
    }

    [Fact]
    public async Task Registering_WithoutANameOrAType_OrWithNoDelivery_SaysSoNextToEachField()
    {
        using var supervisor = await _factory.SignedInAsync("supervisor");

        var response = await supervisor.PostFormAsync("/Staff/Organisations/Create", [new("Input.ContactEmail", "not an address")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "Input_Name").ShouldBe("Enter the organization's name.");
        StaffClient.FieldError(html, "Input_Type").ShouldBe("Choose the kind of organization.");
        StaffClient.FieldError(html, "Input_ContactEmail").ShouldNotBeNull();

        response = await supervisor.PostFormAsync("/Staff/Organisations/Create", [new("Input.Name", "Acme"), new("Input.Type", "Insurer")]);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "Input_AllowedDeliveryMethods").ShouldBe("Allow at least one delivery method.");
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>().RequesterOrganisations.CountAsync()).ShouldBe(0);
    }
}
