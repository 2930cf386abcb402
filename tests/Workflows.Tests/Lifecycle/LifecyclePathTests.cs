using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

/// <summary>Every path through the records-request lifecycle, step by step, against a real database.</summary>
public abstract class LifecyclePathTests : EngineTestsBase
{
    private static TriggerArgs Verified => TriggerArgs.Of(("identityChecked", "true"));

    private async Task<Guid> ToQualityReviewAsync(RequestDraftBuilder? draft = null, int pages = 10, decimal postage = 0m)
    {
        var request = await Harness.StartAsync(draft?.Build());
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk,
            TriggerArgs.Of(("contentsChecked", "true"), ("paper", pages.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("postage", postage.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk);
        return request.Id;
    }

    [Fact]
    public async Task Start_EntersReceived_WithJournalOutboxAndDeadlineTimers()
    {
        var request = await Harness.StartAsync();

        var stored = await Harness.LoadAsync(request.Id);
        stored.State.ShouldBe("Received");
        stored.DefinitionVersion.ShouldBe(4, "new requests run on the newest shipped definition");
        stored.DueOn.ShouldBe(stored.ReceivedOn.AddDays(30));
        stored.Decision.ShouldBe(ReleaseDecisionKind.Release);
        stored.DecisionRuleSetVersion.ShouldBe(7);
        stored.TrackingNumber.ShouldMatch("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$");
        var journal = await Harness.JournalAsync(request.Id);
        journal.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            j => j.Trigger.ShouldBe("Submit"), j => j.FromState.ShouldBeNull(), j => j.ToState.ShouldBe("Received"),
            j => j.ActorId.ShouldBe(Staff.Clerk.Id), j => j.RuleSetVersion.ShouldBe(7));
        (await Harness.OutboxAsync(request.Id)).Select(o => o.Type).ShouldBe(["Received"]);
        (await Harness.TimersAsync(request.Id)).Select(t => t.Name).ShouldBe(["DueWarningDay20", "DueWarningDay25", "Overdue"], ignoreOrder: true);
    }

    [Fact]
    public async Task Start_ThroughTheApi_QueuesNoAcknowledgement_TheApisAnswerCarriesIt()
    {
        var online = await Harness.StartAsync();
        var api = await Harness.StartAsync(new RequestDraftBuilder().Build() with { Channel = RequestChannel.Api });

        (await Harness.OutboxAsync(online.Id)).Select(o => o.Type).ShouldBe(["Received"]);
        (await Harness.OutboxAsync(api.Id)).ShouldBeEmpty();
        (await Harness.JournalAsync(api.Id)).ShouldHaveSingleItem().ToState.ShouldBe("Received");
    }

    [Fact]
    public async Task Fire_RecordsJournal_WhenTransitionSucceeds()
    {
        var request = await Harness.StartAsync();
        Harness.Time.Advance(TimeSpan.FromHours(2));

        var result = await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified.WithComment("ID matched"));

        result.ToState.ShouldBe("Verified");
        var entry = (await Harness.JournalAsync(request.Id)).Last();
        entry.ShouldSatisfyAllConditions(
            e => e.Sequence.ShouldBe(2), e => e.Trigger.ShouldBe("Verify"), e => e.FromState.ShouldBe("Received"),
            e => e.ToState.ShouldBe("Verified"), e => e.Comment.ShouldBe("ID matched"),
            e => e.GuardResults.ShouldBe(new Dictionary<string, bool> { ["DecisionPermitsRelease"] = true }),
            e => e.Inputs["identityChecked"].ShouldBe("true"),
            e => e.OccurredAt.ShouldBe(EngineHarness.Start.AddHours(2)),
            e => e.RuleSetVersion.ShouldBe(7), e => e.DefinitionVersion.ShouldBe(4));
    }

    [Fact]
    public async Task MailPath_WithFee_GoesThroughPaymentToCompleted()
    {
        var id = await ToQualityReviewAsync(new RequestDraftBuilder().ForAttorney(), pages: 12, postage: 3.50m);

        await Harness.FireAsync(id, "Approve", Staff.SecondClerk);
        (await Harness.LoadAsync(id)).ShouldSatisfyAllConditions(
            r => r.State.ShouldBe("AwaitingPayment"), r => r.FeeTotal.ShouldBe(15.50m), r => r.FeeLines.ShouldHaveSingleItem());
        await Harness.FireAsync(id, "RecordPayment", Staff.Clerk, TriggerArgs.Of(("method", "Check"), ("amount", "10.00"), ("checkNumber", "1042")));
        (await Harness.LoadAsync(id)).State.ShouldBe("AwaitingPayment");
        var paid = await Harness.FireAsync(id, "RecordPayment", Staff.Clerk, TriggerArgs.Of(("method", "CreditCardByPhone"), ("amount", "5.50")));
        paid.ToState.ShouldBe("ReadyForRelease");
        var mailed = await Harness.FireAsync(id, "Mail", Staff.Clerk);

        mailed.ToState.ShouldBe("Completed");
        var stored = await Harness.LoadAsync(id);
        stored.Payments.Sum(p => p.Amount).ShouldBe(15.50m);
        stored.ClosedAt.ShouldNotBeNull();
        (await Harness.JournalAsync(id)).Select(j => j.ToState).ShouldBe(
        [
            "Received", "Verified", "InFulfillment", "InFulfillment", "QualityReview", "AwaitingPayment",
            "AwaitingPayment", "AwaitingPayment", "ReadyForRelease", "Mailed", "Completed",
        ]);
        (await Harness.OutboxAsync(id)).Select(o => o.Type).ShouldBe(
            ["Received", "Invoice", "InvoiceIssued", "PaymentReceived", "PaymentReceived", "CoverLetter", "Mailed", "Completed"], ignoreOrder: true);
        (await Harness.DisclosuresAsync(id)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.Method.ShouldBe("Mail"), d => d.RecipientName.ShouldBe("Sam Reed, Reed Law LLC"), d => d.Description.ShouldContain("12 pages"));
        (await Harness.TimersAsync(id)).ShouldAllBe(t => t.CompletedAt != null);
    }

    [Fact]
    public async Task Approve_WithoutFee_GoesStraightToReadyForRelease()
    {
        Harness.Rules.PricePerPage = 0m;
        var id = await ToQualityReviewAsync();

        var result = await Harness.FireAsync(id, "Approve", Staff.SecondClerk);

        result.ToState.ShouldBe("ReadyForRelease");
        (await Harness.JournalAsync(id)).Last().GuardResults.ShouldBe(
            new Dictionary<string, bool> { ["ReviewerIsNotCompiler"] = true, ["NoFeeDue"] = true });
    }

    [Fact]
    public async Task Approve_IsRefused_WhenTheCompilerApprovesTheirOwnWork()
    {
        var id = await ToQualityReviewAsync();

        var refused = await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(id, "Approve", Staff.Clerk));

        refused.Reasons.ShouldContain("needs: a second person, not the one who compiled the records, approves");
        (await Harness.LoadAsync(id)).State.ShouldBe("QualityReview");
    }

    [Fact]
    public async Task SendBack_ReturnsToFulfilment_AndNeedsAReason()
    {
        var id = await ToQualityReviewAsync();

        var error = await Should.ThrowAsync<DomainException>(() => Harness.FireAsync(id, "SendBack", Staff.SecondClerk));
        error.Field.ShouldBe("comment");
        var result = await Harness.FireAsync(id, "SendBack", Staff.SecondClerk, new TriggerArgs(comment: "Page 4 belongs to another patient"));

        result.ToState.ShouldBe("InFulfillment");
    }

    [Fact]
    public async Task WaiveFee_OnlyBySupervisor_ReleasesTheRecords()
    {
        var id = await ToQualityReviewAsync(new RequestDraftBuilder().ForAttorney());
        await Harness.FireAsync(id, "Approve", Staff.SecondClerk);

        var refused = await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(id, "WaiveFee", Staff.Clerk));
        refused.Reasons.ShouldBe(["only Supervisor may do this"]);
        var result = await Harness.FireAsync(id, "WaiveFee", Staff.Supervisor, TriggerArgs.Of(("reason", "Hardship")));

        result.ToState.ShouldBe("ReadyForRelease");
        (await Harness.LoadAsync(id)).FeeWaivedReason.ShouldBe("Hardship");
    }

    [Fact]
    public async Task RecordPayment_RefusesCash_AndLeavesNothingRecorded()
    {
        var id = await ToQualityReviewAsync(new RequestDraftBuilder().ForAttorney());
        await Harness.FireAsync(id, "Approve", Staff.SecondClerk);
        var before = await Harness.JournalAsync(id);

        var error = await Should.ThrowAsync<DomainException>(() =>
            Harness.FireAsync(id, "RecordPayment", Staff.Clerk, TriggerArgs.Of(("method", "Cash"), ("amount", "10"))));

        error.Message.ShouldContain("Cash payments are not accepted");
        (await Harness.LoadAsync(id)).Payments.ShouldBeEmpty();
        (await Harness.JournalAsync(id)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task SubmitForReview_IsRefused_WithoutThePackage_ForElectronicDelivery()
    {
        var request = await Harness.StartAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.SecureEmail).Build());
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("electronic", "3")));

        var refused = await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk));

        refused.Reasons.ShouldBe(["needs: the release package is attached for electronic delivery"]);
    }

    [Fact]
    public async Task SubmitForReview_NeedsWithheldCategoriesConfirmedRemoved()
    {
        Harness.Rules.Decision = ReleaseDecisionKind.ReleaseWithWithheld;
        Harness.Rules.Withheld = [SensitiveCategory.Hiv];
        var request = await Harness.StartAsync();
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("paper", "3")));

        var error = await Should.ThrowAsync<DomainException>(() => Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk));
        error.Message.ShouldContain("Hiv");
        var result = await Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk, TriggerArgs.Of(("exclusionsApplied", "true")));

        result.ToState.ShouldBe("QualityReview");
        (await Harness.LoadAsync(request.Id)).CompiledBy.ShouldBe(Staff.Clerk.Id);
    }

    [Fact]
    public async Task RecordPages_RecordsWhatTheRecordsContain_AndEvaluatesTheReleaseAgain()
    {
        var request = await Harness.StartAsync();
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);

        // Unticked means "not present": the clerk must say the records were checked, or nothing is recorded.
        var notChecked = await Should.ThrowAsync<DomainException>(() =>
            Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("paper", "3"), ("containsHiv", "true"))));
        notChecked.Field.ShouldBe("contentsChecked");
        (await Harness.LoadAsync(request.Id)).ContentsRecorded.ShouldBeFalse();

        Harness.Rules.RuleSetVersion = 9;
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk,
            TriggerArgs.Of(("contentsChecked", "true"), ("paper", "3"), ("containsHiv", "true"), ("containsGenetic", "true")));

        (await Harness.LoadAsync(request.Id)).ShouldSatisfyAllConditions(
            r => r.ContentsRecorded.ShouldBeTrue(),
            r => r.CategoriesPresent.ShouldBe([SensitiveCategory.Hiv, SensitiveCategory.Genetic]),
            r => r.DecisionRuleSetVersion.ShouldBe(9));
    }

    [Fact]
    public async Task SubmitForReview_IsRefused_WhenTheContentsTurnTheDecisionIntoAHold()
    {
        var request = await Harness.StartAsync();
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        Harness.Rules.Decision = ReleaseDecisionKind.HoldForInformation;
        Harness.Rules.Missing = ["The therapist's finding"];
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("paper", "3"), ("containsMentalHealth", "true")));
        await Harness.AttachAsync(request.Id, DocumentKind.ReleasePackage);

        var refused = await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk));

        refused.Reasons.ShouldContain(r => r.Contains("release decision"));
        (await Harness.FireAsync(request.Id, "RequestInformation", Staff.Clerk)).ToState.ShouldBe("NeedsInformation");
    }

    [Fact]
    public async Task RecordPages_Again_ReplacesTheStoredFeeLines()
    {
        var request = await Harness.StartAsync();
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("paper", "5")));

        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("paper", "8")));

        var stored = await Harness.LoadAsync(request.Id);
        stored.FeeTotal.ShouldBe(8m);
        stored.FeeLines.ShouldBe([new FeeLine("Copies", 8m, "test basis")]);
    }

    [Fact]
    public async Task SubmitForReview_IsRefused_BeforePagesAreCounted()
    {
        var request = await Harness.StartAsync();
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);

        var refused = await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk));

        refused.Reasons.ShouldBe(["needs: the pages have been counted"]);
    }

    [Fact]
    public async Task SecureEmailPath_WaitsForTheMailServer_ThenLogsTheDisclosureErasesThePassphraseAndCompletes()
    {
        Harness.Rules.PricePerPage = 0m;
        var request = await Harness.StartAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.SecureEmail)
            .With(d => d with { ProtectedEmailPassphrase = "protected-by-the-host" }).Build());
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("electronic", "40")));
        await Harness.AttachAsync(request.Id, DocumentKind.ReleasePackage);
        await Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk);
        await Harness.FireAsync(request.Id, "Approve", Staff.SecondClerk);

        var sending = await Harness.FireAsync(request.Id, "SendSecurely", Staff.Clerk);

        // Nothing is released until the message carrying the records was handed to the mail server.
        sending.ToState.ShouldBe("SendingByEmail");
        (await Harness.DisclosuresAsync(request.Id)).ShouldBeEmpty();
        (await Harness.OutboxAsync(request.Id)).ShouldContain(o => o.Type == "RecordsByEmail");
        await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(request.Id, "EmailHandedOff", Staff.Clerk));

        var sent = await Harness.FireAsync(request.Id, "EmailHandedOff", Actor.System);

        sent.ToState.ShouldBe("Completed");
        (await Harness.DisclosuresAsync(request.Id)).ShouldHaveSingleItem().Method.ShouldBe("SecureEmail");
        (await Harness.LoadAsync(request.Id)).ProtectedEmailPassphrase.ShouldBeNull();
    }

    [Fact]
    public async Task SecureEmailPath_GoesAsASecureLink_WhenTheFileCannotBeSent()
    {
        Harness.Rules.PricePerPage = 0m;
        var request = await Harness.StartAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.SecureEmail).Build());
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("electronic", "4")));
        await Harness.AttachAsync(request.Id, DocumentKind.ReleasePackage);
        await Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk);
        await Harness.FireAsync(request.Id, "Approve", Staff.SecondClerk);
        await Harness.FireAsync(request.Id, "SendSecurely", Staff.Clerk);

        var link = await Harness.FireAsync(request.Id, "UseSecureLink", Actor.System);

        link.ToState.ShouldBe("PublishedToPortal");
        (await Harness.OutboxAsync(request.Id)).ShouldContain(o => o.Type == "PublishedToPortal");
    }

    [Fact]
    public async Task ForgotPassphrase_ErasesIt_SoTheRecordsGoAsALink()
    {
        var request = await Harness.StartAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.SecureEmail)
            .With(d => d with { ProtectedEmailPassphrase = "protected-by-the-host" }).Build());

        var result = await Harness.FireAsync(request.Id, "ForgotPassphrase", Actor.Requester("the requester"));

        result.ToState.ShouldBe("Received");
        (await Harness.LoadAsync(request.Id)).ProtectedEmailPassphrase.ShouldBeNull();
        await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(request.Id, "ForgotPassphrase", Actor.Requester("the requester")));
    }

    [Fact]
    public async Task PortalPath_CompletesWhenTheRequesterDownloads()
    {
        Harness.Rules.PricePerPage = 0m;
        var request = await Harness.StartAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.Portal).Build());
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, Verified);
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("electronic", "5")));
        await Harness.AttachAsync(request.Id, DocumentKind.ReleasePackage);
        await Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk);
        await Harness.FireAsync(request.Id, "Approve", Staff.SecondClerk);
        await Harness.FireAsync(request.Id, "PublishToPortal", Staff.Clerk);

        (await Harness.TimersAsync(request.Id)).ShouldContain(t => t.Name == "PortalLinkExpiry" && t.CompletedAt == null);
        await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(request.Id, "Downloaded", Staff.Clerk));
        var result = await Harness.FireAsync(request.Id, "Downloaded", Staff.Requester);

        result.ToState.ShouldBe("Completed");
        (await Harness.DisclosuresAsync(request.Id)).ShouldHaveSingleItem().Method.ShouldBe("Portal");
        (await Harness.TimersAsync(request.Id)).ShouldAllBe(t => t.CompletedAt != null);
    }

    [Fact]
    public async Task PickupPath_IsUrgent_NeedsAScheduleAndPhotoId()
    {
        Harness.Rules.PricePerPage = 0m;
        var id = await ToQualityReviewAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.Pickup));

        var approved = await Harness.FireAsync(id, "Approve", Staff.SecondClerk);
        approved.ToState.ShouldBe("AwaitingPickup");
        (await Harness.LoadAsync(id)).QueuePriority.ShouldBe(0);
        (await Harness.OutboxAsync(id)).ShouldContain(o => o.Type == "PickupCallNeeded" && o.Kind == OutboxKind.StaffMessage);
        // Version 2 also tells the requester the records are ready and an associate will call.
        (await Harness.OutboxAsync(id)).ShouldContain(o => o.Type == "ReadyForPickup" && o.Kind == OutboxKind.RequesterMessage);
        var past = await Should.ThrowAsync<DomainException>(() => Harness.FireAsync(id, "SchedulePickup", Staff.Clerk,
            TriggerArgs.Of(("pickupAt", "2026-03-01T15:00:00Z"), ("arrangedWith", "Maria Lopez"))));
        past.Field.ShouldBe("pickupAt");
        await Harness.FireAsync(id, "SchedulePickup", Staff.Clerk, TriggerArgs.Of(("pickupAt", "2026-03-04T16:00:00Z"), ("arrangedWith", "Maria Lopez (patient)")));
        var noId = await Should.ThrowAsync<DomainException>(() => Harness.FireAsync(id, "PickedUp", Staff.Clerk));
        noId.Field.ShouldBe("photoIdChecked");
        var done = await Harness.FireAsync(id, "PickedUp", Staff.Clerk, TriggerArgs.Of(("photoIdChecked", "true")));

        done.ToState.ShouldBe("Completed");
        (await Harness.LoadAsync(id)).PickupArrangedWith.ShouldBe("Maria Lopez (patient)");
        (await Harness.DisclosuresAsync(id)).ShouldHaveSingleItem().Method.ShouldBe("Pickup");
    }

    [Fact]
    public async Task Hold_IsAutomatic_WhenRulesFindElementsMissing_AndReevaluatesOnAnswer()
    {
        Harness.Rules.Decision = ReleaseDecisionKind.HoldForInformation;
        Harness.Rules.Missing = ["expiration date or event", "signature date"];

        var request = await Harness.StartAsync(new RequestDraftBuilder().ForAttorney().Build());

        var held = await Harness.LoadAsync(request.Id);
        held.State.ShouldBe("NeedsInformation");
        held.MissingElements.ShouldBe(["expiration date or event", "signature date"]);
        (await Harness.OutboxAsync(request.Id)).Select(o => o.Type).ShouldBe(["Received", "NeedsInformation", "MissingInformationLetter"], ignoreOrder: true);
        var hold = (await Harness.JournalAsync(request.Id)).Last();
        hold.ShouldSatisfyAllConditions(h => h.Trigger.ShouldBe("Hold"), h => h.ActorId.ShouldBe("system"));

        Harness.Rules.Decision = ReleaseDecisionKind.Release;
        var answered = await Harness.FireAsync(request.Id, "InformationReceived", Staff.Requester);
        answered.ToState.ShouldBe("Received");
        (await Harness.LoadAsync(request.Id)).Decision.ShouldBe(ReleaseDecisionKind.Release);
    }

    [Fact]
    public async Task RequestInformation_NeedsTheMissingItemsNamed()
    {
        var request = await Harness.StartAsync();

        var error = await Should.ThrowAsync<DomainException>(() => Harness.FireAsync(request.Id, "RequestInformation", Staff.Clerk));
        error.Field.ShouldBe("missing");
        await Harness.FireAsync(request.Id, "RequestInformation", Staff.Clerk, TriggerArgs.Of(("missing", "copy of photo ID\nsignature")));

        (await Harness.LoadAsync(request.Id)).MissingElements.ShouldBe(["copy of photo ID", "signature"]);
    }

    [Fact]
    public async Task Verify_IsRefused_WhenTheDecisionIsNotRelease_AndSaysWhy()
    {
        Harness.Rules.Decision = ReleaseDecisionKind.Deny;
        var request = await Harness.StartAsync();

        var actions = await Harness.ActionsAsync(request.Id, Staff.Clerk);

        var verify = actions.Single(a => a.Trigger == "Verify");
        verify.Permitted.ShouldBeFalse();
        verify.Reasons.ShouldBe(["needs: the release decision is to release (with or without withheld categories)"]);
        actions.Single(a => a.Trigger == "Deny").Permitted.ShouldBeTrue();
        actions.ShouldNotContain(a => a.Trigger == "Hold");
    }

    [Fact]
    public async Task Verify_NeedsTheIdentityCheckConfirmed()
    {
        var request = await Harness.StartAsync();

        var error = await Should.ThrowAsync<DomainException>(() => Harness.FireAsync(request.Id, "Verify", Staff.Clerk));

        error.Field.ShouldBe("identityChecked");
    }

    [Fact]
    public async Task Redirect_OnlyForRecordsHeldElsewhere_NamesWhereToAsk()
    {
        var own = await Harness.StartAsync();
        (await Harness.ActionsAsync(own.Id, Staff.Clerk)).Single(a => a.Trigger == "Redirect").Permitted.ShouldBeFalse();

        var elsewhere = await Harness.StartAsync(new RequestDraftBuilder().With(d => d with
        {
            Locations = [RecordsLocation.OtherFacility], OtherFacilityName = "Central DuPage Hospital",
        }).Build());
        var result = await Harness.FireAsync(elsewhere.Id, "Redirect", Staff.Clerk);

        result.ToState.ShouldBe("Redirected");
        (await Harness.LoadAsync(elsewhere.Id)).RedirectTo.ShouldBe("Central DuPage Hospital");
        (await Harness.OutboxAsync(elsewhere.Id)).Select(o => o.Type).ShouldContain("RedirectLetter");
    }

    [Fact]
    public async Task Deny_Reviewable_NeedsASupervisor()
    {
        var request = await Harness.StartAsync();
        var args = TriggerArgs.Of(("basis", "Access likely to endanger the life of the patient"), ("reviewable", "true"));

        var error = await Should.ThrowAsync<DomainException>(() => Harness.FireAsync(request.Id, "Deny", Staff.Clerk, args));
        error.Field.ShouldBe("reviewable");
        var result = await Harness.FireAsync(request.Id, "Deny", Staff.Supervisor, args);

        result.ToState.ShouldBe("Denied");
        var stored = await Harness.LoadAsync(request.Id);
        stored.DenialReviewable.ShouldBe(true);
        stored.DenialBasis.ShouldBe("Access likely to endanger the life of the patient");
    }

    [Fact]
    public async Task Cancel_FromAnyOpenState_ByRequester_ButNotFromAClosedOne()
    {
        var request = await Harness.StartAsync();

        var result = await Harness.FireAsync(request.Id, "Cancel", Staff.Requester, TriggerArgs.Of(("reason", "No longer needed")));
        result.ToState.ShouldBe("Cancelled");
        var again = await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(request.Id, "Cancel", Staff.Clerk, TriggerArgs.Of(("reason", "x"))));

        again.Reasons.ShouldBe(["it is not an action of state Cancelled"]);
        (await Harness.ActionsAsync(request.Id, Staff.Supervisor)).ShouldBeEmpty();
        (await Harness.TimersAsync(request.Id)).ShouldAllBe(t => t.Outcome == TimerOutcome.Retired);
    }

    [Fact]
    public async Task ExtendDeadline_OnceWithReason_MovesTheOverdueTimer()
    {
        var request = await Harness.StartAsync();

        await Harness.FireAsync(request.Id, "ExtendDeadline", Staff.Clerk, TriggerArgs.Of(("days", "20"), ("reason", "Records are in off-site storage")));

        var stored = await Harness.LoadAsync(request.Id);
        stored.ExtendedDueOn.ShouldBe(stored.DueOn.AddDays(20));
        var overdue = (await Harness.TimersAsync(request.Id)).Where(t => t.Name == "Overdue").ToList();
        overdue.Count.ShouldBe(2);
        overdue.Single(t => t.CompletedAt == null).DueAt.ShouldBeGreaterThan(overdue.Single(t => t.CompletedAt != null).DueAt.AddDays(19));
        (await Harness.OutboxAsync(request.Id)).Select(o => o.Type).ShouldContain("DeadlineExtended");
        var second = (await Harness.ActionsAsync(request.Id, Staff.Clerk)).Single(a => a.Trigger == "ExtendDeadline");
        second.Permitted.ShouldBeFalse();
        second.Reasons.ShouldContain("needs: the deadline has not been extended before");
    }

    [Fact]
    public async Task ExtendDeadline_IsRefused_AfterTheFirstThirtyDays()
    {
        var request = await Harness.StartAsync();
        Harness.Time.Advance(TimeSpan.FromDays(31));

        var refused = await Should.ThrowAsync<TransitionRefusedException>(() =>
            Harness.FireAsync(request.Id, "ExtendDeadline", Staff.Clerk, TriggerArgs.Of(("days", "10"), ("reason", "late"))));

        refused.Reasons.ShouldBe(["needs: the first 30 days have not ended"]);
    }

    [Fact]
    public async Task Reevaluate_KeepsTheOldDecision_UntilAClerkAsks_ThenRecordsTheNewRuleSetVersion()
    {
        var request = await Harness.StartAsync();
        Harness.Rules.RuleSetVersion = 8;
        Harness.Rules.Decision = ReleaseDecisionKind.ReleaseWithWithheld;
        Harness.Rules.Withheld = [SensitiveCategory.Genetic];
        (await Harness.LoadAsync(request.Id)).DecisionRuleSetVersion.ShouldBe(7);

        await Harness.FireAsync(request.Id, "Reevaluate", Staff.Clerk);

        var stored = await Harness.LoadAsync(request.Id);
        stored.ShouldSatisfyAllConditions(
            r => r.Decision.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld), r => r.DecisionRuleSetVersion.ShouldBe(8),
            r => r.WithheldCategories.ShouldBe([SensitiveCategory.Genetic]), r => r.State.ShouldBe("Received"));
        (await Harness.JournalAsync(request.Id)).Last().RuleSetVersion.ShouldBe(8);
    }

    [Fact]
    public async Task ReleaseActions_FollowTheChosenDeliveryMethod()
    {
        Harness.Rules.PricePerPage = 0m;
        var id = await ToQualityReviewAsync();
        await Harness.FireAsync(id, "Approve", Staff.SecondClerk);

        var actions = await Harness.ActionsAsync(id, Staff.Clerk);

        actions.Single(a => a.Trigger == "Mail").Permitted.ShouldBeTrue();
        actions.Single(a => a.Trigger == "PublishToPortal").Reasons.ShouldBe(
            ["needs: the records go to the secure online portal"]);
        actions.Single(a => a.Trigger == "SendSecurely").Reasons.ShouldContain("needs: the records go by e-mail (encrypted, or unencrypted at the patient's request)");
        await Should.ThrowAsync<TransitionRefusedException>(() => Harness.FireAsync(id, "PublishToPortal", Staff.Clerk));
    }

    [Fact]
    public async Task Assign_StaysInState_AndIsJournaled()
    {
        var request = await Harness.StartAsync();

        var result = await Harness.FireAsync(request.Id, "Assign", Staff.Supervisor, TriggerArgs.Of(("assignee", "clerk-2")));

        result.ToState.ShouldBe("Received");
        (await Harness.LoadAsync(request.Id)).AssigneeId.ShouldBe("clerk-2");
        (await Harness.JournalAsync(request.Id)).Last().ShouldSatisfyAllConditions(j => j.FromState.ShouldBe("Received"), j => j.ToState.ShouldBe("Received"));
    }

    [Fact]
    public async Task Actions_ListRoleRefusals_ForARequester()
    {
        var request = await Harness.StartAsync();

        var actions = await Harness.ActionsAsync(request.Id, Staff.Requester);

        actions.Single(a => a.Trigger == "Cancel").Permitted.ShouldBeTrue();
        actions.Single(a => a.Trigger == "Verify").Reasons.ShouldBe(["only Clerk or Supervisor may do this"]);
    }

    [Fact]
    public async Task ExportMermaid_DescribesEveryState()
    {
        var mermaid = await Harness.InScopeAsync(sp => Task.FromResult(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<LifecycleEngine>(sp)
                .ExportMermaid(LifecycleEngine.RecordsRequestLifecycle, 1)));

        mermaid.ShouldStartWith("stateDiagram-v2");
        foreach (var state in new[] { "Received", "NeedsInformation", "AwaitingPayment", "PickupScheduled", "Completed", "Cancelled" })
            mermaid.ShouldContain(state);
        mermaid.ShouldContain("the release decision is to release");
    }
}
