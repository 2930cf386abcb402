using BackOffice.Web.Localization;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.EmailContent;

/// <summary>
/// The requester's message for a lifecycle event, from the template of the same name (<c>templates/messages/</c>)
/// and the facts of that event (<see cref="MessageFacts"/>: amounts, balance, missing items, dates, reasons as they
/// were when it happened), so a message composed late still says what was true then. It goes to the requester's e-mail address on file; without one there is
/// nothing to send (null) — a requester without e-mail gets letters instead. Messages carry the tracking number,
/// dates, amounts, what is missing and where to go, and link to the status page; never the patient's date of birth,
/// diagnoses or record contents. Written in the requester's language (the request's <c>Language</c>: <c>Name.es.txt</c>
/// and the words below from <c>MessageWords.es.resx</c>), with dates in that language; what staff typed (a reason, a
/// missing item) is sent as typed, and the rules' own words in translation (<see cref="RuleWords"/>).
/// </summary>
public sealed class RequesterMessageComposer(BackOfficeDbContext db, MessageTemplates templates, MessageBasics basics,
    IStringLocalizer<MessageWords> words, RuleWords rules) : IRequesterMessageComposer
{
    /// <summary>Sent by the portal with the download link (<see cref="Portal.PortalOutboxHandler"/>), not composed here.</summary>
    public const string PortalLinkType = "PublishedToPortal";

    /// <summary>Every type this composer renders: the lifecycle's <c>Notify:X</c> and <c>Acknowledge:X</c> types except the portal link, and
    /// ReadyForPickup (the requester's side of a pickup call; not yet named by records-request v1).</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        "Received", "NeedsInformation", "MissingInformationReminder", "InvoiceIssued", "PaymentReminder", "PaymentReceived",
        "DeadlineExtended", "Mailed", "SentSecurely", "ReadyForPickup", "PickupScheduled", "Completed", "Redirected", "Denied",
        "Cancelled",
    ];

    /// <summary>The PaymentReceived message for a payment that left nothing to pay: it says the request is paid in full and
    /// that the records are released now, rather than stating a balance of $0.00 and asking for it.</summary>
    public const string PaidInFullTemplate = "PaymentReceivedInFull";

    /// <summary>Every template this composer renders: one per type, and the paid-in-full form of PaymentReceived.</summary>
    public static readonly IReadOnlyList<string> Templates = [.. Types, PaidInFullTemplate];

    /// <summary>The template a message of <paramref name="messageType"/> is written from, by its event's facts.</summary>
    public static string TemplateFor(string messageType, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return messageType == "PaymentReceived" && facts.BalanceDue <= 0m ? PaidInFullTemplate : messageType;
    }

    public async Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, MessageFacts? facts = null,
        CancellationToken cancellationToken = default)
    {
        CheckType(messageType);
        var request = await db.Requests.AsNoTracking().Include(r => r.Payments)
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no request {requestId}.");
        return await ComposeAsync(request, messageType, facts, cancellationToken);
    }

    /// <summary>For a request the caller read with its payments (the outbox dispatcher has, to check the message still applies).</summary>
    public async Task<ComposedMessage?> ComposeAsync(RecordsRequest request, string messageType, MessageFacts? facts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckType(messageType);
        var to = MessageBasics.Address(request.Requester.Email);
        if (to is null) return null;

        var language = MessageLanguage.ForRequester(request);
        using var inLanguage = SiteLanguages.Use(language);
        var f = facts ?? MessageFacts.Of(request, basics.Clock.Now);
        var values = basics.Common(request.TrackingNumber, language).Set("DueDate", MessageBasics.Written(f.EffectiveDueOn));
        await AddValuesAsync(messageType, request, f, basics.SiteIn(language), values, cancellationToken);
        var rendered = templates.Render(TemplateFor(messageType, f), values, language);
        return new ComposedMessage(to, rendered.Subject, rendered.TextBody, rendered.HtmlBody);
    }

    private static void CheckType(string messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        if (messageType == PortalLinkType)
            throw new ArgumentException($"'{PortalLinkType}' is sent by the portal with its link and code, not composed here.", nameof(messageType));
        if (!Types.Contains(messageType, StringComparer.Ordinal))
            throw new ArgumentException($"There is no requester message '{messageType}'. Known: {string.Join(", ", Types)}.", nameof(messageType));
    }

    private async Task AddValuesAsync(string type, RecordsRequest request, MessageFacts f, Site.SiteOptions site, MessageValues values,
        CancellationToken cancellationToken)
    {
        switch (type)
        {
            case "Received":
                values.Set("ReceivedDate", MessageBasics.Written(request.ReceivedOn));
                break;
            case "NeedsInformation" or "MissingInformationReminder":
                values.SetList("MissingItems", f.MissingElements.Count > 0
                        ? f.MissingElements.Select(rules.Text)
                        : [words["CallForMissing"]])
                    .Set("ReplyBy", await LastDayBeforeTimerAsync(request, "MissingInformationClosure", 30, cancellationToken));
                break;
            case "InvoiceIssued" or "PaymentReminder":
                values.Set("AmountDue", MessageBasics.Money(f.BalanceDue))
                    .Set("FeeTotal", MessageBasics.Money(f.FeeTotal ?? 0m))
                    .Set("PaymentPhone", site.PaymentPhone)
                    .Set("CheckPayableTo", site.OrganisationName)
                    .Set("CheckAddress", site.MailingAddress)
                    .Set("PayBy", await LastDayBeforeTimerAsync(request, "UnpaidCancellation", 60, cancellationToken));
                break;
            case "PaymentReceived":
                values.Set("AmountReceived", MessageBasics.Money(f.LastPaymentAmount ?? f.AmountPaid))
                    .Set("PaymentDate", basics.Clock.Written(f.LastPaymentAt ?? f.At))
                    .Set("BalanceDue", MessageBasics.Money(f.BalanceDue));
                break;
            case "DeadlineExtended":
                values.Set("NewDueDate", MessageBasics.Written(f.EffectiveDueOn))
                    .Set("OriginalDueDate", MessageBasics.Written(f.DueOn))
                    .Set("ExtensionReason", f.ExtensionReason ?? "");
                break;
            case "Mailed":
                values.Set("MailedDate", basics.Clock.Written(f.At)).Set("WithheldNotice", WithheldNotice(f, words));
                break;
            case "SentSecurely":
                values.Set("SentDate", basics.Clock.Written(f.At)).Set("WithheldNotice", WithheldNotice(f, words));
                break;
            case "PickupScheduled":
                values.Set("PickupTime", f.PickupAt is { } at ? basics.Clock.WrittenWithTime(at) : words["PickupTimeAgreed"])
                    .Set("PickupAddress", site.MailingAddress);
                break;
            case "Redirected":
                values.Set("RedirectTo", f.RedirectTo is { } where ? rules.Text(where) : request.OtherFacilityName ?? site.ExcludedOrganisationContact);
                break;
            case "Denied":
                values.Set("DenialBasis", f.DenialBasis ?? "")
                    .Set("ReviewRights", f.DenialReviewable == true
                        ? words["ReviewRights", site.OrganisationName, site.DepartmentName, site.MailingAddress, site.QuestionsPhone]
                        : words["NoReview"]);
                break;
            case "Cancelled":
                values.Set("CancelledDate", basics.Clock.Written(f.At))
                    .Set("CancellationReason", f.CancellationReason ?? "");
                break;
        }
    }

    /// <summary>
    /// Says that part of the records was left out, without naming it: a message carries no health information. The
    /// letter with the records names what it may (a consent that could not be used) and how to send a corrected one.
    /// </summary>
    private static string WithheldNotice(MessageFacts facts, IStringLocalizer<MessageWords> words) =>
        facts.WithheldCount == 0 ? "" : words["WithheldNotice"];

    /// <summary>
    /// The last day to act before the state's closing timer (e.g. the cancellation 30 days after asking for information)
    /// fires; from <paramref name="fallbackDays"/> after today when the request is no longer in that state.
    /// </summary>
    private async Task<string> LastDayBeforeTimerAsync(RecordsRequest request, string timerName, int fallbackDays, CancellationToken cancellationToken)
    {
        var pending = await db.Timers.AsNoTracking()
            .Where(t => t.RequestId == request.Id && t.Name == timerName && t.CompletedAt == null && t.StateSequence == request.StateSequence)
            .Select(t => t.DueAt).ToListAsync(cancellationToken);
        var closing = pending.Count > 0 ? basics.Clock.DayOf(pending.Max()) : basics.Today.AddDays(fallbackDays);
        return MessageBasics.Written(closing.AddDays(-1));
    }
}
