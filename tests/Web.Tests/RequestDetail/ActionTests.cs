using System.Globalization;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.RequestDetail;

/// <summary>Each action posted through the page's one action handler, as the signed-in staff member.</summary>
public sealed class ActionTests(DetailApp app) : IClassFixture<DetailApp>
{
    private BackOfficeFactory Factory => app.Factory;

    [Fact]
    public async Task Verify_MovesTheRequestToVerified_AndIsAudited()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");

        (await app.ActAsync(clerk, request.Id, "Verify", ("identityChecked", "true"))).State.ShouldBe("Verified");

        var audit = (await app.AuditAsync(request.Id)).Single(a => a.Action == "Action:Verify");
        audit.Outcome.ShouldBe("done");
        audit.UserName.ShouldBe("clerk");
    }

    [Fact]
    public async Task AComment_WithANulCharacter_IsRefusedAtItsField_AndNothingIsJournaled()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");
        var before = (await Factory.LoadAsync(request.Id)).Version;

        var response = await app.PostActionAsync(clerk, request.Id, "Cancel", null, ("reason", "Duplicate\0"));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "Cancel_reason").ShouldBe(BackOffice.Web.Input.StoredText.UnreadableMessage);
        var stored = await Factory.LoadAsync(request.Id);
        stored.State.ShouldBe("Received");
        stored.Version.ShouldBe(before);
    }

    [Fact]
    public async Task Verify_WithoutTheIdentityCheck_ShowsTheMessageNextToTheCheckbox()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");

        var response = await app.PostActionAsync(clerk, request.Id, "Verify");

        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "Verify_identityChecked").ShouldBe("Confirm that you checked the requester's identity.");
        html.ShouldContain("error-summary");
        (await Factory.LoadAsync(request.Id)).State.ShouldBe("Received");
    }

    [Fact]
    public async Task CompileReviewPayAndMail_ThroughThePage_EndsCompleted()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");
        using var reviewer = await Factory.SignedInAsync("reviewer");

        await app.ActAsync(clerk, request.Id, "Verify", ("identityChecked", "true"));
        (await app.ActAsync(clerk, request.Id, "StartFulfillment")).State.ShouldBe("InFulfillment");
        var counted = await app.ActAsync(clerk, request.Id, "RecordPages", ("contentsChecked", "true"), ("paper", "40"), ("postage", "3.50"));
        counted.Pages.Paper.ShouldBe(40);
        counted.Postage.ShouldBe(3.50m);
        counted.FeeTotal.ShouldNotBeNull();
        (await app.ActAsync(clerk, request.Id, "SubmitForReview")).State.ShouldBe("QualityReview");
        var approved = await app.ActAsync(reviewer, request.Id, "Approve");
        approved.State.ShouldBe("AwaitingPayment");
        var balance = approved.BalanceDue.ToString(CultureInfo.InvariantCulture);
        (await app.ActAsync(clerk, request.Id, "RecordPayment", ("method", "Check"), ("amount", balance), ("checkNumber", "1042")))
            .State.ShouldBe("ReadyForRelease");
        (await app.ActAsync(clerk, request.Id, "Mail")).State.ShouldBe("Completed");

        var (_, html) = await clerk.GetPageAsync(DetailApp.PageOf(request.Id));
        html.ShouldContain("1042");
        html.ShouldContain("Demo Reviewer");
    }

    [Fact]
    public async Task Approve_ByTheCompiler_IsRefusedWithTheReason()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");
        await app.ActAsync(clerk, request.Id, "Verify", ("identityChecked", "true"));
        await app.ActAsync(clerk, request.Id, "StartFulfillment");
        await app.ActAsync(clerk, request.Id, "RecordPages", ("contentsChecked", "true"), ("paper", "10"));
        await app.ActAsync(clerk, request.Id, "SubmitForReview");

        var response = await app.PostActionAsync(clerk, request.Id, "Approve");

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Why this was not possible");
        html.ShouldContain("needs: ");
        (await Factory.LoadAsync(request.Id)).State.ShouldBe("QualityReview");
        (await app.AuditAsync(request.Id)).Last().Outcome!.ShouldStartWith("refused: ");
    }

    [Fact]
    public async Task RecordPayment_RefusesCash_WithTheMessageNextToTheMethod()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 30)).ShouldBe("AwaitingPayment");
        using var clerk = await Factory.SignedInAsync("clerk");

        var response = await app.PostActionAsync(clerk, request.Id, "RecordPayment", null, ("method", "Cash"), ("amount", "5.00"));

        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "RecordPayment_method")!.ShouldStartWith("Cash payments are not accepted");
        var after = await Factory.LoadAsync(request.Id);
        after.State.ShouldBe("AwaitingPayment");
        after.Payments.ShouldBeEmpty();
        (await app.AuditAsync(request.Id)).Last().Outcome!.ShouldStartWith("refused: Cash payments are not accepted");
    }

    [Fact]
    public async Task WaiveFee_ByASupervisor_MakesTheRequestReadyForRelease()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 30)).ShouldBe("AwaitingPayment");
        using var supervisor = await Factory.SignedInAsync("supervisor");

        var after = await app.ActAsync(supervisor, request.Id, "WaiveFee", ("reason", "Hardship"));

        after.State.ShouldBe("ReadyForRelease");
        after.FeeWaivedReason.ShouldBe("Hardship");
    }

    [Fact]
    public async Task WaiveFee_ByAClerk_IsNotPermitted_AndTheStateStays()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 30)).ShouldBe("AwaitingPayment");
        using var clerk = await Factory.SignedInAsync("clerk");
        var (_, page) = await clerk.GetPageAsync(DetailApp.PageOf(request.Id));
        page.ShouldContain("<strong>Waive fee</strong>: only Supervisor may do this");

        var response = await app.PostActionAsync(clerk, request.Id, "WaiveFee", null, ("reason", "Hardship"));

        (await response.Content.ReadAsStringAsync()).ShouldContain("only Supervisor may do this");
        (await Factory.LoadAsync(request.Id)).State.ShouldBe("AwaitingPayment");
    }

    [Fact]
    public async Task ActionNotPermittedInTheState_ShowsTheReasons_AndLeavesTheState()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");

        var response = await app.PostActionAsync(clerk, request.Id, "Mail");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Why this was not possible");
        (await Factory.LoadAsync(request.Id)).State.ShouldBe("Received");
    }

    [Fact]
    public async Task StaleVersion_ShowsTheConflict_AndChangesNothing()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");
        var shown = (await Factory.LoadAsync(request.Id)).Version;
        await Factory.FireAsync(request.Id, "Assign", RequestScenarios.Reviewer, ("assignee", "reviewer"));

        var response = await app.PostActionAsync(clerk, request.Id, "Verify", shown, ("identityChecked", "true"));

        (await response.Content.ReadAsStringAsync()).ShouldContain("Someone else changed this request");
        (await Factory.LoadAsync(request.Id)).State.ShouldBe("Received");
    }

    [Fact]
    public async Task RequestInformation_HoldsTheRequest_WithEachItem()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");

        var after = await app.ActAsync(clerk, request.Id, "RequestInformation", ("missing", "Copy of photo ID\nDate range"));

        after.State.ShouldBe("NeedsInformation");
        after.MissingElements.ShouldBe(["Copy of photo ID", "Date range"]);
    }

    [Fact]
    public async Task ExtendDeadline_Assign_AndCancel_AreRecorded()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");

        var extended = await app.ActAsync(clerk, request.Id, "ExtendDeadline", ("days", "15"), ("reason", "Records are in off-site storage."));
        extended.ExtendedDueOn.ShouldBe(request.DueOn.AddDays(15));
        (await app.ActAsync(clerk, request.Id, "Assign", ("assignee", "reviewer"))).AssigneeId.ShouldBe("reviewer");
        var cancelled = await app.ActAsync(clerk, request.Id, "Cancel", ("reason", "Requester withdrew."));
        cancelled.State.ShouldBe("Cancelled");
        cancelled.CancellationReason.ShouldBe("Requester withdrew.");
    }

    [Fact]
    public async Task ExtendDeadline_OverThirtyDays_ShowsTheMessageNextToDays()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");

        var response = await app.PostActionAsync(clerk, request.Id, "ExtendDeadline", null, ("days", "45"), ("reason", "Storage"));

        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "ExtendDeadline_days").ShouldBe("An extension is 1 to 30 days.");
    }

    [Fact]
    public async Task Deny_WithABasis_ClosesTheRequest()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        using var clerk = await Factory.SignedInAsync("clerk");

        var after = await app.ActAsync(clerk, request.Id, "Deny", ("basis", "Psychotherapy notes are not subject to access."));

        after.State.ShouldBe("Denied");
        after.DenialBasis.ShouldBe("Psychotherapy notes are not subject to access.");
        after.DenialReviewable.ShouldBe(false);
    }

    [Fact]
    public async Task Redirect_ToTheOtherFacility_ClosesTheRequest()
    {
        var draft = RequestScenarios.PatientDraft() with
        {
            Locations = [RecordsLocation.OtherFacility], OtherFacilityName = "St. Mary's Hospital",
        };
        var request = await Factory.StartAsync(draft);
        using var clerk = await Factory.SignedInAsync("clerk");

        var after = await app.ActAsync(clerk, request.Id, "Redirect", ("redirectTo", "St. Mary's Hospital, records department"));

        after.State.ShouldBe("Redirected");
        after.RedirectTo.ShouldBe("St. Mary's Hospital, records department");
    }

    [Fact]
    public async Task SchedulePickup_AndPickedUp_CompleteTheRequest()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Pickup));
        var state = await Factory.ThroughReviewAsync(request.Id, paperPages: 5);
        if (state == "AwaitingPayment") await Factory.PayInFullAsync(request.Id);
        (await Factory.LoadAsync(request.Id)).State.ShouldBe("AwaitingPickup");
        using var clerk = await Factory.SignedInAsync("clerk");
        var when = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'10:30", CultureInfo.InvariantCulture);

        var scheduled = await app.ActAsync(clerk, request.Id, "SchedulePickup", ("pickupAt", when), ("arrangedWith", "Maria Lopez"));

        scheduled.State.ShouldBe("PickupScheduled");
        scheduled.PickupArrangedWith.ShouldBe("Maria Lopez");
        (await app.ActAsync(clerk, request.Id, "PickedUp", ("photoIdChecked", "true"))).State.ShouldBe("Completed");
    }

    [Fact]
    public async Task SendBack_NeedsAReason_ThenReturnsTheRequestToFulfilment()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        await Factory.FireAsync(request.Id, "Verify", RequestScenarios.Clerk, ("identityChecked", "true"));
        await Factory.FireAsync(request.Id, "StartFulfillment", RequestScenarios.Clerk);
        await Factory.FireAsync(request.Id, "RecordPages", RequestScenarios.Clerk, ("contentsChecked", "true"), ("paper", "3"));
        await Factory.FireAsync(request.Id, "SubmitForReview", RequestScenarios.Clerk);
        using var reviewer = await Factory.SignedInAsync("reviewer");

        var missing = await app.PostActionAsync(reviewer, request.Id, "SendBack");
        StaffClient.FieldError(await missing.Content.ReadAsStringAsync(), "SendBack_comment").ShouldBe("Give a reason.");

        (await app.ActAsync(reviewer, request.Id, "SendBack", ("comment", "Page 4 is another patient's."))).State.ShouldBe("InFulfillment");
        var (_, html) = await reviewer.GetPageAsync(DetailApp.PageOf(request.Id));
        html.ShouldContain("Page 4 is another patient&#x27;s.");
    }
}
