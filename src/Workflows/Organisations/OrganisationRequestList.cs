using System.Buffers.Text;
using System.Globalization;
using System.Text;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Organisations;

/// <summary>One row of an organisation's request list.</summary>
public sealed record OrganisationRequestRow(Guid Id, string TrackingNumber, string State, DateOnly ReceivedOn, DateOnly DueOn, DateTimeOffset ChangedAt);

/// <summary>A page of an organisation's requests, oldest change first, and the cursor of the next page (null on the last).</summary>
public sealed record OrganisationRequestPage(IReadOnlyList<OrganisationRequestRow> Rows, string? Next);

/// <summary>
/// The requests one organisation sent through the requester API, in the order they last changed, keyset-paged on
/// (changed, id) over the index (organisation, changed, id): a page costs the same however far the caller has read, and
/// a caller polling with the last change it saw gets each change once. Never another organisation's request.
/// </summary>
public sealed class OrganisationRequestList(BackOfficeDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<OrganisationRequestPage> PageAsync(Guid organisationId, string? state, DateTimeOffset? changedSince, string? cursor,
        int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Requests.AsNoTracking().Where(r => r.RequesterOrganisationId == organisationId);
        if (!string.IsNullOrEmpty(state)) query = query.Where(r => r.State == state);
        if (changedSince is { } since) query = query.Where(r => r.UpdatedAt >= since);
        if (Decode(cursor) is var (after, afterId))
            query = query.Where(r => r.UpdatedAt > after || (r.UpdatedAt == after && r.Id > afterId));
        var rows = await query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).Take(pageSize + 1)
            .Select(r => new OrganisationRequestRow(r.Id, r.TrackingNumber, r.State, r.ReceivedOn, r.EffectiveDueOn, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? Encode(rows[pageSize - 1]) : null;
        return new OrganisationRequestPage(rows.Take(pageSize).ToList(), next);
    }

    /// <summary>Whether the cursor is one this list made (a caller's typo gets a clear refusal, not the first page again).</summary>
    public static bool IsCursor(string cursor) => Decode(cursor) is not null;

    private static string Encode(OrganisationRequestRow row) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{row.ChangedAt.UtcTicks}|{row.Id:N}")));

    private static (DateTimeOffset After, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 100) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id))
                return null;
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
