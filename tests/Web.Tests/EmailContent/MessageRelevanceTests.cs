using BackOffice.Web.EmailContent;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.EmailContent;

/// <summary>Which messages a later state makes pointless, for every message type.</summary>
public sealed class MessageRelevanceTests
{
    private static RecordsRequest RequestIn(string state, decimal balance = 0m, bool closed = false)
    {
        var draft = Status.RequestScenarios.PatientDraft();
        var request = RecordsRequest.Create(draft, new DateOnly(2026, 3, 2));
        typeof(RecordsRequest).GetProperty(nameof(RecordsRequest.State))!.SetValue(request, state);
        if (balance > 0) request.ApplyFee(balance, [new FeeLine("Copies", balance, "test")], 1);
        if (closed) request.Close(DateTimeOffset.UnixEpoch);
        return request;
    }

    public static TheoryData<OutboxKind, string, string, decimal, bool, string?> Cases => new()
    {
        // Requester messages: an event of its own stays worth telling.
        { OutboxKind.RequesterMessage, "Received", "Cancelled", 0m, true, null },
        { OutboxKind.RequesterMessage, "InvoiceIssued", "AwaitingPayment", 6.50m, false, null },
        { OutboxKind.RequesterMessage, "InvoiceIssued", "ReadyForRelease", 0m, false, null },
        { OutboxKind.RequesterMessage, "InvoiceIssued", "Cancelled", 6.50m, true, "cancelled" },
        { OutboxKind.RequesterMessage, "PaymentReminder", "AwaitingPayment", 6.50m, false, null },
        { OutboxKind.RequesterMessage, "PaymentReminder", "ReadyForRelease", 0m, false, "Paid or waived" },
        { OutboxKind.RequesterMessage, "PaymentReminder", "Cancelled", 6.50m, true, "cancelled" },
        { OutboxKind.RequesterMessage, "PaymentReceived", "ReadyForRelease", 0m, false, null },
        { OutboxKind.RequesterMessage, "NeedsInformation", "NeedsInformation", 0m, false, null },
        { OutboxKind.RequesterMessage, "NeedsInformation", "Received", 0m, false, "arrived" },
        { OutboxKind.RequesterMessage, "MissingInformationReminder", "Verified", 0m, false, "arrived" },
        { OutboxKind.RequesterMessage, "DeadlineExtended", "InFulfillment", 0m, false, null },
        { OutboxKind.RequesterMessage, "DeadlineExtended", "Cancelled", 0m, true, "cancelled" },
        { OutboxKind.RequesterMessage, "Mailed", "Completed", 0m, true, null },
        { OutboxKind.RequesterMessage, "SentSecurely", "Completed", 0m, true, null },
        { OutboxKind.RequesterMessage, "ReadyForPickup", "AwaitingPickup", 0m, false, null },
        { OutboxKind.RequesterMessage, "ReadyForPickup", "Completed", 0m, true, "picked up" },
        { OutboxKind.RequesterMessage, "PickupScheduled", "PickupScheduled", 0m, false, null },
        { OutboxKind.RequesterMessage, "PickupScheduled", "Cancelled", 0m, true, "cancelled" },
        { OutboxKind.RequesterMessage, "Completed", "Completed", 0m, true, null },
        { OutboxKind.RequesterMessage, "Redirected", "Redirected", 0m, true, null },
        { OutboxKind.RequesterMessage, "Denied", "Denied", 0m, true, null },
        { OutboxKind.RequesterMessage, "Cancelled", "Cancelled", 0m, true, null },
        // Staff messages.
        { OutboxKind.StaffMessage, "DueWarning", "InFulfillment", 0m, false, null },
        { OutboxKind.StaffMessage, "DueWarning", "Completed", 0m, true, "closed" },
        { OutboxKind.StaffMessage, "Overdue", "Cancelled", 0m, true, "closed" },
        { OutboxKind.StaffMessage, "PickupCallNeeded", "AwaitingPickup", 0m, false, null },
        { OutboxKind.StaffMessage, "PickupCallNeeded", "PickupScheduled", 0m, false, "scheduled" },
        { OutboxKind.StaffMessage, "PickupFollowUp", "PickedUp", 0m, false, "scheduled" },
        { OutboxKind.StaffMessage, "PortalLinkExpired", "ReadyForRelease", 0m, false, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SkipReason_NamesWhyALaterStateMakesTheMessagePointless(OutboxKind kind, string type, string state, decimal balance, bool closed, string? reason)
    {
        var skip = MessageRelevance.SkipReason(kind, type, RequestIn(state, balance, closed));

        if (reason is null) skip.ShouldBeNull();
        else skip.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void EveryRequesterMessageType_IsCovered()
    {
        var covered = Cases.Select(c => (string)c[1]).ToHashSet();
        RequesterMessageComposer.Types.ShouldAllBe(t => covered.Contains(t));
    }
}
