using System.Globalization;
using BackOffice.Web.EmailContent;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.EmailContent;

/// <summary>
/// Every message type is composed from the facts of its event, not from the request as it is when the job runs: the
/// request here says other things (no fee, nothing missing, no reason), and each message still states its event's.
/// </summary>
public sealed class ComposedFromFactsTests : IAsyncDisposable
{
    private static readonly DateTimeOffset EventAt = new(2026, 2, 10, 16, 0, 0, TimeSpan.Zero);

    private static readonly MessageFacts Event = new()
    {
        At = EventAt,
        State = "AwaitingPayment",
        FeeTotal = 12.34m,
        AmountPaid = 2.00m,
        BalanceDue = 10.34m,
        LastPaymentAmount = 2.00m,
        LastPaymentAt = EventAt,
        MissingElements = ["The guardianship order"],
        DueOn = new DateOnly(2026, 3, 12),
        EffectiveDueOn = new DateOnly(2026, 4, 11),
        ExtensionReason = "Records are in off-site storage",
        PickupAt = new DateTimeOffset(2026, 2, 12, 15, 30, 0, TimeSpan.Zero),
        RedirectTo = "Riverside Clinic, 1 River Rd",
        DenialBasis = "Psychotherapy notes are not part of the right of access",
        DenialReviewable = false,
        CancellationReason = "No reply within 30 days",
        WithheldCount = 1,
    };

    // What each type must say of its event (each checked against the request, which says none of it).
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["Received"] = ["April 11, 2026"],
        ["NeedsInformation"] = ["The guardianship order"],
        ["MissingInformationReminder"] = ["The guardianship order"],
        ["InvoiceIssued"] = ["$12.34", "$10.34"],
        ["PaymentReminder"] = ["$10.34"],
        ["PaymentReceived"] = ["$2.00", "$10.34", "February 10, 2026"],
        ["DeadlineExtended"] = ["April 11, 2026", "March 12, 2026", "Records are in off-site storage"],
        ["Mailed"] = ["February 10, 2026", "Part of the records was not included."],
        ["SentSecurely"] = ["February 10, 2026", "Part of the records was not included."],
        ["ReadyForPickup"] = [], // says only that an associate will call: nothing of the event to get wrong
        ["PickupScheduled"] = ["February 12, 2026"],
        ["Completed"] = [], // says only that the request is complete
        ["Redirected"] = ["Riverside Clinic, 1 River Rd"],
        ["Denied"] = ["Psychotherapy notes are not part of the right of access", "cannot be reviewed"],
        ["Cancelled"] = ["February 10, 2026", "No reply within 30 days"],
    };

    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public void EveryRequesterMessageType_HasItsEventFactsChecked() =>
        RequesterMessageComposer.Types.ShouldAllBe(t => Expected.ContainsKey(t));

    [Fact]
    public async Task EachRequesterMessage_StatesTheFactsOfItsEvent()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await using var scope = _factory.Services.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>();

        foreach (var (type, phrases) in Expected)
        {
            var message = (await composer.ComposeAsync(request.Id, type, Event)).ShouldNotBeNull(type);
            foreach (var phrase in phrases) message.TextBody.ShouldContain(phrase, Case.Sensitive, $"{type}: {phrase}");
        }
    }

    [Theory]
    [InlineData(RequesterLanguage.English, "paid in full", "balance")]
    [InlineData(RequesterLanguage.Spanish, "pagada en su totalidad", "saldo")]
    public async Task PaymentReceived_SaysPaidInFull_WhenThePaymentClearedTheBalance_AndStatesTheBalanceOtherwise(
        string language, string paidInFull, string balance)
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft() with { Language = language });
        await using var scope = _factory.Services.CreateAsyncScope();
        var composer = scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>();
        var cleared = Event with { State = "ReadyForRelease", AmountPaid = 12.34m, BalanceDue = 0m, LastPaymentAmount = 10.34m };

        var full = (await composer.ComposeAsync(request.Id, "PaymentReceived", cleared)).ShouldNotBeNull();
        var partial = (await composer.ComposeAsync(request.Id, "PaymentReceived", Event)).ShouldNotBeNull();

        RequesterMessageComposer.TemplateFor("PaymentReceived", cleared).ShouldBe(RequesterMessageComposer.PaidInFullTemplate);
        full.Subject.ShouldContain(paidInFull);
        foreach (var body in new[] { full.TextBody, full.HtmlBody })
        {
            body.ShouldContain("$10.34");
            body.ShouldContain(paidInFull);
            body.ShouldNotContain(balance, Case.Insensitive);
            body.ShouldNotContain("$0.00");
        }

        partial.Subject.ShouldNotContain(paidInFull);
        foreach (var body in new[] { partial.TextBody, partial.HtmlBody })
        {
            body.ShouldContain("$2.00");
            body.ShouldContain(balance);
            body.ShouldContain("$10.34");
            body.ShouldNotContain(paidInFull);
        }
    }

    [Fact]
    public async Task AStaffMessage_StatesTheStateDueDateAndDueNoteOfItsEvent()
    {
        await using var staff = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Notifications:StaffMailbox"] = "team@example.org" });
        var request = await staff.StartAsync(RequestScenarios.PatientDraft());
        await using var scope = staff.Services.CreateAsyncScope();

        var message = (await scope.ServiceProvider.GetRequiredService<IStaffMessageComposer>().ComposeAsync(request.Id, "DueWarning", Event)).ShouldNotBeNull();

        message.TextBody.ShouldContain("April 11, 2026");
        // The state in plain words (Labels.PlainWords), not its identifier.
        message.TextBody.ShouldContain(BackOffice.Web.Labels.PlainWords.State(Event.State));
        message.TextBody.ShouldNotContain(Event.State);
        message.TextBody.ShouldContain(((Event.EffectiveDueOn.DayNumber - DateOnly.FromDateTime(EventAt.UtcDateTime).DayNumber)).ToString(CultureInfo.InvariantCulture));
    }
}
