using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace BackOffice.Workflows.Queue;

/// <summary>
/// Keyset paging: the cursor carries the sort values of the last row shown, so the next page starts after it
/// with an index seek instead of OFFSET (which reads and discards every earlier row). It is opaque to the
/// browser; a cursor that does not parse, or belongs to another sort, simply starts again at the first page.
/// </summary>
internal sealed record QueueCursor(QueueSort Sort, int Priority, DateOnly Day, string Tracking, Guid Id)
{
    public static QueueCursor After(QueueSort sort, QueueRow row) => sort switch
    {
        QueueSort.Due => new(sort, row.QueuePriority, row.EffectiveDueOn, "", row.Id),
        QueueSort.Received => new(sort, 0, row.ReceivedOn, "", row.Id),
        _ => new(sort, 0, default, row.TrackingNumber, row.Id),
    };

    public string Encode()
    {
        var text = string.Join('|', (int)Sort, Priority, Day.DayNumber, Tracking, Id.ToString("N"));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static QueueCursor? Decode(string? cursor, QueueSort expected)
    {
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 200) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
            if (parts.Length != 5
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sort) || sort != (int)expected
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || day > DateOnly.MaxValue.DayNumber
                || !Guid.TryParseExact(parts[4], "N", out var id))
                return null;
            return new QueueCursor(expected, priority, DateOnly.FromDayNumber(day), parts[3], id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
