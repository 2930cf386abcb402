using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Requests;

public sealed class RecordsRequestTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static RecordsRequest NewRequest(RequestDraftBuilder? draft = null) =>
        RecordsRequest.Create((draft ?? new RequestDraftBuilder()).Build(), Today);

    [Fact]
    public void Create_SetsTheDueDate_ThirtyCalendarDaysAfterReceipt()
    {
        var request = NewRequest();

        request.ReceivedOn.ShouldBe(Today);
        request.DueOn.ShouldBe(new DateOnly(2026, 4, 1));
        request.EffectiveDueOn.ShouldBe(request.DueOn);
    }

    [Fact]
    public void Validate_NamesEachMissingField()
    {
        var draft = new RecordsRequestDraft { Channel = RequestChannel.Online, Delivery = DeliveryMethod.Mail };

        var fields = draft.Validate(Today).Select(e => e.Field).ToList();

        fields.ShouldBe(
        [
            "Patient.FirstName", "Patient.LastName", "Patient.DateOfBirth", "Requester.Name", "Recipient.Name",
            "Recipient.Address", "Signature.SignerName", "Signature.SignedOn", "Signature.ElectronicSignature",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Validate_AnAccessRequest_NeedsNoPurposeExpiryOrWitness()
    {
        var draft = new RequestDraftBuilder().With(d => d with { ExpiresOn = null, PurposeDetail = null }).Build();

        draft.Validate(Today).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_TheDateTheRecordsAreNeededBy_CannotBeInThePast()
    {
        var past = new RequestDraftBuilder().With(d => d with { Information = d.Information with { NeededBy = Today.AddDays(-1) } }).Build();
        var today = new RequestDraftBuilder().With(d => d with { Information = d.Information with { NeededBy = Today } }).Build();

        past.Validate(Today).ShouldHaveSingleItem().Field.ShouldBe("Information.NeededBy");
        today.Validate(Today).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_APersonToPickUp_IsNamedOnlyForPickup()
    {
        var mailed = new RequestDraftBuilder().DeliveredBy(DeliveryMethod.Mail)
            .With(d => d with { Recipient = d.Recipient with { PickupBy = "Ana Lopez" } }).Build();
        var pickedUp = new RequestDraftBuilder().DeliveredBy(DeliveryMethod.Pickup)
            .With(d => d with { Recipient = d.Recipient with { PickupBy = "Ana Lopez" } }).Build();

        mailed.Validate(Today).ShouldHaveSingleItem().Field.ShouldBe("Recipient.PickupBy");
        pickedUp.Validate(Today).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DeliveryMethod.SecureEmail)]
    [InlineData(DeliveryMethod.Portal)]
    public void Validate_ElectronicDelivery_NeedsAnEmailAddress(DeliveryMethod delivery)
    {
        var draft = new RequestDraftBuilder().DeliveredBy(delivery)
            .With(d => d with { Recipient = d.Recipient with { Email = "not an address" } }).Build();

        draft.Validate(Today).ShouldHaveSingleItem().Field.ShouldBe("Recipient.Email");
    }

    // HHS guidance on 45 CFR 164.524(c)(2): unencrypted e-mail is the patient's own choice for their own records.
    [Fact]
    public void Validate_UnencryptedEmail_IsOnlyForThePatientsOwnRecords_WithTheRiskAccepted()
    {
        var own = new RequestDraftBuilder().DeliveredBy(DeliveryMethod.UnencryptedEmail);
        var thirdParty = new RequestDraftBuilder().ForAttorney().DeliveredBy(DeliveryMethod.UnencryptedEmail)
            .With(d => d with { UnencryptedEmailRiskAccepted = true });

        own.Build().Validate(Today).ShouldHaveSingleItem().Field.ShouldBe("UnencryptedEmailRiskAccepted");
        own.With(d => d with { UnencryptedEmailRiskAccepted = true }).Build().Validate(Today).ShouldBeEmpty();
        thirdParty.Build().Validate(Today).ShouldContain(e => e.Field == "Delivery" && e.Message.Contains("only for a patient's own records"));
    }

    [Fact]
    public void Create_KeepsTheProtectedPassphrase_OnlyForSecureEmail_UntilErased()
    {
        var secure = NewRequest(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.SecureEmail).With(d => d with { ProtectedEmailPassphrase = "CfDJ8protected" }));
        var mailed = NewRequest(new RequestDraftBuilder().With(d => d with { ProtectedEmailPassphrase = "CfDJ8protected" }));

        secure.ProtectedEmailPassphrase.ShouldBe("CfDJ8protected");
        mailed.ProtectedEmailPassphrase.ShouldBeNull();
        secure.ErasePassphrase();
        secure.ProtectedEmailPassphrase.ShouldBeNull();
    }

    [Fact]
    public void Validate_APaperForm_NeedsNoTypedSignature_ButARepresentativeNeedsAuthority()
    {
        var draft = new RequestDraftBuilder().With(d => d with
        {
            Channel = RequestChannel.Paper,
            Signature = d.Signature with { ElectronicSignature = null },
            Requester = d.Requester with { Type = RequesterType.PersonalRepresentative },
        }).Build();

        draft.Validate(Today).ShouldHaveSingleItem().Field.ShouldBe("Requester.Authority");
    }

    [Fact]
    public void Create_RefusesAnInvalidDraft_WithEveryError()
    {
        var draft = new RequestDraftBuilder().With(d => d with { Patient = d.Patient with { DateOfBirth = Today.AddDays(1) } }).Build();

        var error = Should.Throw<InvalidDraftException>(() => RecordsRequest.Create(draft, Today));

        error.Errors.ShouldHaveSingleItem().Field.ShouldBe("Patient.DateOfBirth");
    }

    [Fact]
    public void ExtendDeadline_AllowsOneExtensionOfUpToThirtyDays_WithAReason()
    {
        var request = NewRequest();

        Should.Throw<DomainException>(() => request.ExtendDeadline(31, "backlog", Today)).Field.ShouldBe("days");
        Should.Throw<DomainException>(() => request.ExtendDeadline(10, " ", Today)).Field.ShouldBe("reason");
        request.ExtendDeadline(30, "Records in off-site storage", Today);
        Should.Throw<DomainException>(() => request.ExtendDeadline(5, "again", Today)).Message.ShouldContain("only one extension");

        request.EffectiveDueOn.ShouldBe(new DateOnly(2026, 5, 1));
    }

    [Fact]
    public void ExtendDeadline_IsRefused_OnceTheFirstThirtyDaysHaveEnded()
    {
        var request = NewRequest();

        Should.Throw<DomainException>(() => request.ExtendDeadline(10, "late", request.DueOn.AddDays(1)));
    }

    [Theory]
    [InlineData("cash")]
    [InlineData(" CASH ")]
    public void ParseMethod_RefusesCash_WithTheAcceptedAlternatives(string method)
    {
        var error = Should.Throw<DomainException>(() => Payment.ParseMethod(method));

        error.Message.ShouldBe("Cash payments are not accepted. Take a credit card by phone or a mailed check.");
        error.Field.ShouldBe("method");
    }

    [Fact]
    public void RecordPayment_NeedsACheckNumber_AndRefusesOverpayment()
    {
        var request = NewRequest();
        request.ApplyFee(20m, [new FeeLine("Copies", 20m, "basis")], 1);
        var now = DateTimeOffset.UnixEpoch;

        Should.Throw<DomainException>(() => request.RecordPayment(PaymentMethod.Check, 5m, null, "clerk", now)).Field.ShouldBe("checkNumber");
        Should.Throw<DomainException>(() => request.RecordPayment(PaymentMethod.CreditCardByPhone, 25m, null, "clerk", now)).Field.ShouldBe("amount");
        request.RecordPayment(PaymentMethod.Check, 5m, "1001", "clerk", now);

        request.BalanceDue.ShouldBe(15m);
    }

    [Fact]
    public void ApplyFee_ReplacesTheLines_EvenWhenGivenTheRequestsOwn()
    {
        var request = NewRequest();
        request.ApplyFee(20m, [new FeeLine("Copies", 20m, "basis")], 1);

        request.ApplyFee(20m, request.FeeLines, 2);
        request.FeeLines.ShouldBe([new FeeLine("Copies", 20m, "basis")]);
        request.ApplyFee(5m, [new FeeLine("Postage", 5m, "basis")], 3);

        request.FeeLines.ShouldBe([new FeeLine("Postage", 5m, "basis")]);
    }

    [Fact]
    public void RequestInformation_KeepsTheItems_WhenGivenTheRequestsOwn()
    {
        var request = NewRequest();
        request.RequestInformation([" signature ", "copy of photo ID", "signature"]);

        request.RequestInformation(request.MissingElements);

        request.MissingElements.ShouldBe(["signature", "copy of photo ID"]);
    }

    [Fact]
    public void RecordPages_RefusesNegativeCounts()
    {
        var request = NewRequest();

        Should.Throw<DomainException>(() => request.RecordPages(new PageCounts { Paper = -1 }, 0m)).Field.ShouldBe("pages");
    }
}
