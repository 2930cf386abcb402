using BackOffice.Web.Pages.Status;
using BackOffice.Workflows.Organisations;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.RequesterApi;

/// <summary>One request in the organisation's list.</summary>
public sealed record RequestListItem(string TrackingNumber, string State, string Status, DateOnly ReceivedOn, DateOnly DueOn, DateTimeOffset ChangedAt,
    string Location);

/// <summary>A page of the list and the address of the next page (null on the last).</summary>
public sealed record RequestListAnswer(IReadOnlyList<RequestListItem> Items, string? Next);

/// <summary>
/// <c>GET /api/v1/requests?state=&amp;changedSince=&amp;limit=&amp;cursor=</c>: the organisation's requests, oldest change first,
/// keyset-paged: follow <c>next</c> until it is null. Poll with <c>changedSince</c> set to the last <c>changedAt</c> seen.
/// </summary>
public sealed class RequestList(OrganisationRequestList list, IStringLocalizer<StatusText> words)
{
    public const int DefaultLimit = 50;

    public async Task<IResult> HandleAsync(HttpContext http, string? state, string? changedSince, int? limit, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(http);
        var errors = new List<(string, string)>();
        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(changedSince))
        {
            if (DateTimeOffset.TryParse(changedSince, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)) since = parsed.ToUniversalTime();
            else errors.Add(("changedSince", "Use an ISO 8601 time, e.g. 2026-03-31T14:00:00Z."));
        }

        if (!string.IsNullOrEmpty(state) && !Labels.PlainWords.HasState(state))
            errors.Add(("state", "Use a state name as the requests show it, e.g. Received, NeedsInformation, AwaitingPayment, Completed."));
        if (limit is < 1 or > OrganisationRequestList.MaxPageSize)
            errors.Add(("limit", $"Use 1 to {OrganisationRequestList.MaxPageSize}."));
        if (!string.IsNullOrEmpty(cursor) && !OrganisationRequestList.IsCursor(cursor))
            errors.Add(("cursor", "Use the cursor of a next link as given."));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var page = await list.PageAsync(ApiCaller.Of(http).Organisation.Id, state, since, cursor, limit ?? DefaultLimit, http.RequestAborted);
        var next = page.Next is null ? null : NextLink(state, changedSince, limit, page.Next);
        return Results.Ok(new RequestListAnswer(
            [.. page.Rows.Select(r => new RequestListItem(r.TrackingNumber, r.State, words[StatusWording.HeadlineKey(r.State)], r.ReceivedOn, r.DueOn,
                r.ChangedAt, RequesterApiEndpoints.RequestPath(r.TrackingNumber)))],
            next));
    }

    private static string NextLink(string? state, string? changedSince, int? limit, string cursor)
    {
        var query = new Dictionary<string, string?> { ["state"] = state, ["changedSince"] = changedSince, ["limit"] = limit?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["cursor"] = cursor };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(RequesterApiEndpoints.Requests,
            query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
