using BackOffice.Web.Api;
using BackOffice.Web.Localization;
using BackOffice.Web.Pages.Status;
using BackOffice.Web.Site;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Portal;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.RequesterApi;

/// <summary>How to pay an invoice: card by phone or a mailed check; never cash.</summary>
public sealed record HowToPay(string CardByPhone, string CheckPayableTo, string CheckMailedTo, string Note);

/// <summary>An invoice as the requester sees it: each charge with its legal basis, what was paid, the balance.</summary>
public sealed record InvoiceAnswer(IReadOnlyList<FeeEstimateLine> Lines, decimal Total, decimal Paid, decimal Balance, bool Waived, string Currency,
    HowToPay HowToPay);

/// <summary>
/// A request as its organisation may follow it (what the status page shows a requester): the state in plain words, the
/// dates, what is missing, the invoice and how to pay, where to ask instead, whether released records can be downloaded.
/// </summary>
public sealed record RequestStatusAnswer(string TrackingNumber, string State, string Status, bool Closed, DateOnly ReceivedOn, DateOnly DueOn,
    DateOnly? OriginalDueOn, string? ExtensionReason, string Delivery, IReadOnlyList<string> Missing, InvoiceAnswer? Invoice, string? RedirectTo,
    bool RecordsAvailable, DateTimeOffset ChangedAt);

/// <summary><c>GET /api/v1/requests/{trackingNumber}</c>: one of the organisation's requests; any other answers 404, as an unknown one does.</summary>
public sealed class RequestStatus(BackOfficeDbContext db, IStringLocalizer<StatusText> words, RuleWords rules, IOptions<SiteOptions> site,
    TimeProvider time)
{
    public async Task<IResult> HandleAsync(HttpContext http, string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = await FindAsync(db, ApiCaller.Of(http), trackingNumber, http.RequestAborted);
        if (request is null) return ApiProblems.NotFound();
        ApiKeyCheck.AuditRequest(http, request.Id);
        return Results.Ok(await AnswerAsync(request, http.RequestAborted));
    }

    /// <summary>The caller's own request with this tracking number (typing slips forgiven), or null.</summary>
    public static async Task<RecordsRequest?> FindAsync(BackOfficeDbContext db, ApiCaller caller, string trackingNumber,
        CancellationToken cancellationToken, bool tracked = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        if (TrackingNumber.Normalize(trackingNumber) is not { } number) return null;
        var requests = tracked ? db.Requests : db.Requests.AsNoTracking();
        return await requests.Include(r => r.Payments).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.TrackingNumber == number && r.RequesterOrganisationId == caller.Organisation.Id, cancellationToken);
    }

    private async Task<RequestStatusAnswer> AnswerAsync(RecordsRequest request, CancellationToken cancellationToken)
    {
        var options = site.Value;
        var invoice = request.FeeTotal is > 0m
            ? new InvoiceAnswer([.. request.FeeLines.Select(l => new FeeEstimateLine(rules.FeeDescription(l.Description), l.Amount, rules.Text(l.Basis)))],
                request.FeeTotal.Value, request.AmountPaid, request.BalanceDue, request.FeeWaivedReason is not null, "USD",
                new HowToPay(options.PaymentPhone, options.PayableTo, options.MailingAddress,
                    $"Pay by credit card over the phone, or mail a check with the tracking number {request.TrackingNumber} on it. Cash is not accepted."))
            : null;
        return new RequestStatusAnswer(
            request.TrackingNumber, request.State, words[StatusWording.HeadlineKey(request.State)], request.ClosedAt is not null,
            request.ReceivedOn, request.EffectiveDueOn, request.ExtendedDueOn is null ? null : request.DueOn,
            request.ExtendedDueOn is null ? null : request.ExtensionReason, request.Delivery.ToString(),
            request.State == "NeedsInformation" ? [.. request.MissingElements.Select(rules.Text)] : [],
            invoice,
            request.State == "Redirected" && request.RedirectTo is { } where ? rules.Text(where) : null,
            await ReleasedRecords.OpenGrantAsync(db, request, time.GetUtcNow(), cancellationToken) is not null,
            request.UpdatedAt);
    }
}
