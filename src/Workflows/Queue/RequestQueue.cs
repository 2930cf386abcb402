using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BackOffice.Workflows.Queue;

/// <summary>
/// The staff work queue over every request. Each filter is written so an index serves it (see
/// RequestConfiguration): the open/closed split and urgent-first order ride on QueuePriority, a name search is a
/// range on PatientNameKey (names are stored plain for it), a date-of-birth search compares the keyed hash stored beside
/// the encrypted date, and pages continue from a keyset cursor.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is the work queue, not a Queue<T>.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1309",
    Justification = "string.Compare is translated to SQL, where the column's collation decides; it never runs in .NET.")]
public sealed class RequestQueue(BackOfficeDbContext db, DepartmentClock clock, IMemoryCache cache)
{
    public const int MaxPageSize = 200;
    private const int Closed = 2;
    private static readonly TimeSpan CountsLifetime = TimeSpan.FromSeconds(30);

    public async Task<QueuePage> PageAsync(QueueFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = clock.Today;
        var search = QueueSearch.Parse(filter.Search);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = Ordered(After(Filtered(filter, search, today), QueueCursor.Decode(filter.Cursor, filter.Sort)), filter.Sort);
        // One row more than the page tells whether there is a next page without counting.
        var rows = await query.Take(size + 1)
            .Select(r => new QueueRow(r.Id, r.TrackingNumber, r.Patient.LastName, r.Patient.FirstName, r.Patient.DateOfBirth,
                r.State, r.QueuePriority, r.ReceivedOn, r.DueOn, r.ExtendedDueOn, r.Channel, r.Delivery, r.Requester.Type, r.AssigneeId))
            .ToListAsync(cancellationToken);
        var next = rows.Count > size ? QueueCursor.After(filter.Sort, rows[size - 1]).Encode() : null;
        return new QueuePage(rows.Take(size).ToList(), next, today, search);
    }

    /// <summary>Totals for the filter choices, cached for 30 seconds: they are a full pass over the open requests.</summary>
    public async Task<QueueCounts> CountsAsync(int dueWithinDays = QueueFilter.DefaultDueWithinDays,
        CancellationToken cancellationToken = default)
    {
        var days = Math.Clamp(dueWithinDays, 0, 365);
        var key = $"{typeof(RequestQueue).FullName}:counts:{days}";
        if (cache.TryGetValue(key, out QueueCounts? cached) && cached is not null) return cached;
        var counts = await CountUncachedAsync(days, cancellationToken);
        cache.Set(key, counts, CountsLifetime);
        return counts;
    }

    /// <summary>The same totals counted now, for a report that must not show figures up to 30 seconds old.</summary>
    public async Task<QueueCounts> CountUncachedAsync(int dueWithinDays, CancellationToken cancellationToken = default)
    {
        var days = Math.Clamp(dueWithinDays, 0, 365);
        var today = clock.Today;
        var soon = today.AddDays(days);
        var open = db.Requests.AsNoTracking().Where(r => r.QueuePriority < Closed);
        var byState = await open.GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, StringComparer.Ordinal, cancellationToken);
        // One pass over the open requests for all the conditional totals.
        var totals = await open.GroupBy(_ => 1).Select(g => new
        {
            Urgent = g.Sum(r => r.QueuePriority == 0 ? 1 : 0),
            Overdue = g.Sum(r => r.EffectiveDueOn < today ? 1 : 0),
            DueSoon = g.Sum(r => r.EffectiveDueOn >= today && r.EffectiveDueOn <= soon ? 1 : 0),
            Unassigned = g.Sum(r => r.AssigneeId == null ? 1 : 0),
        }).FirstOrDefaultAsync(cancellationToken);
        var closed = await db.Requests.CountAsync(r => r.QueuePriority == Closed, cancellationToken);
        return new QueueCounts(byState, byState.Values.Sum(), totals?.Urgent ?? 0, totals?.Overdue ?? 0, totals?.DueSoon ?? 0,
            totals?.Unassigned ?? 0, closed, days, clock.Now);
    }

    private IQueryable<RecordsRequest> Filtered(QueueFilter filter, QueueSearch? search, DateOnly today)
    {
        var query = db.Requests.AsNoTracking();
        query = filter.State switch
        {
            QueueFilter.OpenStates or "" or null => query.Where(r => r.QueuePriority < Closed),
            QueueFilter.ClosedStates => query.Where(r => r.QueuePriority == Closed),
            QueueFilter.AllStates => query,
            var state => query.Where(r => r.State == state),
        };

        if (filter.Due == DueFilter.Overdue)
            query = query.Where(r => r.QueuePriority < Closed && r.EffectiveDueOn < today);
        else if (filter.Due == DueFilter.DueSoon)
        {
            var soon = today.AddDays(Math.Clamp(filter.DueWithinDays, 0, 365));
            query = query.Where(r => r.QueuePriority < Closed && r.EffectiveDueOn >= today && r.EffectiveDueOn <= soon);
        }

        if (filter.Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (filter.Delivery is { } delivery) query = query.Where(r => r.Delivery == delivery);
        if (filter.RequesterType is { } type) query = query.Where(r => r.Requester.Type == type);
        query = filter.Assignee switch
        {
            AssigneeFilter.Unassigned => query.Where(r => r.AssigneeId == null),
            AssigneeFilter.Me or AssigneeFilter.User => query.Where(r => r.AssigneeId == (filter.AssigneeId ?? "")),
            _ => query,
        };
        return search is null ? query : Searched(query, search);
    }

    private IQueryable<RecordsRequest> Searched(IQueryable<RecordsRequest> query, QueueSearch search)
    {
        switch (search.Kind)
        {
            case QueueSearchKind.TrackingNumber:
                return query.Where(r => r.TrackingNumber == search.TrackingNumber);
            case QueueSearchKind.DateOfBirth:
                // The date is encrypted with a fresh nonce each time: compare its keyed hash (one per configured key).
                var hashes = db.Fields.SearchHashes(search.DateOfBirth!.Value, SensitiveFields.DateOfBirthPurpose);
                return query.Where(HashMatch.Any<RecordsRequest>(r => EF.Property<string?>(r.Patient, SensitiveFields.DateOfBirthHash), hashes));
            default:
                // A range, not LIKE or StartsWith: both providers turn it into an index seek on PatientNameKey.
                var from = search.NamePrefix ?? "";
                var to = from + "\uffff";
                return query.Where(r => string.Compare(r.PatientNameKey, from) >= 0 && string.Compare(r.PatientNameKey, to) < 0);
        }
    }

    private static IQueryable<RecordsRequest> After(IQueryable<RecordsRequest> query, QueueCursor? cursor)
    {
        if (cursor is null) return query;
        var (priority, day, tracking, id) = (cursor.Priority, cursor.Day, cursor.Tracking, cursor.Id);
        return cursor.Sort switch
        {
            // The leading ">= priority" bound gives the index a start point; the rest picks up exactly after the row.
            QueueSort.Due => query.Where(r => r.QueuePriority >= priority && (r.QueuePriority > priority
                || (r.QueuePriority == priority && (r.EffectiveDueOn > day || (r.EffectiveDueOn == day && r.Id > id))))),
            QueueSort.Received => query.Where(r => r.ReceivedOn <= day && (r.ReceivedOn < day || (r.ReceivedOn == day && r.Id < id))),
            _ => query.Where(r => string.Compare(r.TrackingNumber, tracking) > 0),
        };
    }

    private static IQueryable<RecordsRequest> Ordered(IQueryable<RecordsRequest> query, QueueSort sort) => sort switch
    {
        QueueSort.Due => query.OrderBy(r => r.QueuePriority).ThenBy(r => r.EffectiveDueOn).ThenBy(r => r.Id),
        QueueSort.Received => query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id),
        _ => query.OrderBy(r => r.TrackingNumber),
    };
}
