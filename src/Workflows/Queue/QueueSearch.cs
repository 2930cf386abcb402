using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Queue;

/// <summary>How the search box was understood; the page says so, so a clerk knows why nothing matched.</summary>
public sealed record QueueSearch(QueueSearchKind Kind, string? TrackingNumber = null, DateOnly? DateOfBirth = null, string? NamePrefix = null)
{
    public static QueueSearch? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        // A date first: "1980-04-12" has the right length and alphabet to look like nothing else, but be sure.
        if (DateInput.Parse(trimmed) is { } dob)
            return new QueueSearch(QueueSearchKind.DateOfBirth, DateOfBirth: dob);
        if (Requests.TrackingNumber.Normalize(trimmed) is { } tracking)
            return new QueueSearch(QueueSearchKind.TrackingNumber, TrackingNumber: tracking);
        return new QueueSearch(QueueSearchKind.NamePrefix, NamePrefix: NameKeyPrefix(trimmed));
    }

    /// <summary>"Lopez, Maria" and "lopez  maria" both become "LOPEZ MARIA", the form of <see cref="RecordsRequest.PatientNameKey"/>.</summary>
    private static string NameKeyPrefix(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var key = comma >= 0
            ? RecordsRequest.NameKey(text[..comma], text[(comma + 1)..])
            : RecordsRequest.NameKey(text);
        return string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
