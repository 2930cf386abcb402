using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Intake.Faults;

/// <summary>One scenario's figures (counts to report) and checks (counts that must be what they must be).</summary>
internal sealed class Checks(string scenario)
{
    private readonly List<Line> _lines = [];

    public string Scenario { get; } = scenario;
    public IReadOnlyList<Line> Lines => _lines;
    public bool Passed => _lines.All(l => l.Passed is not false);
    public TimeSpan Elapsed { get; set; }

    public void Figure(string what, object value) => _lines.Add(new Line(what, Format(value), null));

    public void Zero(string what, int actual) => _lines.Add(new Line(what, actual.ToString(CultureInfo.InvariantCulture), actual == 0));

    public void Equal(string what, int expected, int actual) =>
        _lines.Add(new Line(what, actual == expected ? $"{actual}" : $"{actual}, expected {expected}", actual == expected));

    public void True(string what, bool passed, string detail) => _lines.Add(new Line(what, detail, passed));

    public void Note(string text) => _lines.Add(new Line(text, "", null));

    public void Fail(string what, string detail) => _lines.Add(new Line(what, detail, false));

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.0", CultureInfo.InvariantCulture),
        TimeSpan t => t.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Passed: null for a figure, else whether the check held.</summary>
    public sealed record Line(string What, string Value, bool? Passed);
}

/// <summary>What every scenario asks of the stored requests, counted in the database.</summary>
internal static partial class StoredRequests
{
    /// <summary>
    /// Every confirmed form (its done page showed a tracking number) is stored exactly once under that number, with its
    /// journal and outbox rows; nothing is stored that no form confirmed (no duplicate, no stray); no request without
    /// its journal or its outbox rows, no row without its request (nothing half-written); no submission key or
    /// tracking number twice.
    /// </summary>
    public static void Check(IReadOnlyList<RequestRow> requests, int orphanRows, IReadOnlyDictionary<string, string> confirmed, Checks checks)
    {
        checks.Figure("confirmed requests (done page with a tracking number)", confirmed.Count);
        checks.Figure("requests stored", requests.Count);
        var byNumber = requests.GroupBy(r => r.TrackingNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byName = requests.GroupBy(r => r.LastName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var missing = confirmed.Count(c => !byNumber.ContainsKey(c.Value));
        checks.Zero("confirmed requests missing from the database", missing);
        checks.Zero("confirmed requests (recovered forms included) not stored exactly once under the number shown",
            confirmed.Count(c => !byName.TryGetValue(c.Key, out var rows) || rows.Count != 1 || rows[0].TrackingNumber != c.Value));
        checks.Zero("confirmed requests without their journal or outbox rows",
            confirmed.Count(c => byNumber.TryGetValue(c.Value, out var rows) && rows.Any(r => r.JournalRows == 0 || r.OutboxRows == 0)));
        checks.Zero("duplicates (a patient stored twice)", byName.Count(g => g.Value.Count > 1));
        checks.Zero("stored requests no form confirmed", requests.Count(r => !confirmed.ContainsKey(r.LastName)));
        checks.Zero("half-written: requests without a journal row", requests.Count(r => r.JournalRows == 0));
        checks.Zero("half-written: requests without outbox rows", requests.Count(r => r.OutboxRows == 0));
        checks.Zero("half-written: journal or outbox rows without their request", orphanRows);
        checks.Zero("submission keys stored twice", requests.Where(r => r.SubmissionKey is not null).GroupBy(r => r.SubmissionKey).Count(g => g.Count() > 1));
        checks.Zero("online requests without a submission key", requests.Count(r => r.SubmissionKey is null));
        checks.Zero("tracking numbers stored twice", byNumber.Count(g => g.Value.Count > 1));
    }

    /// <summary>Interrupted forms taken up again: each ended on the done page, with the number stored before if any.</summary>
    public static void CheckRecoveries(IReadOnlyList<Recovery> recoveries, Checks checks)
    {
        checks.Figure("interrupted forms taken up again", recoveries.Count);
        checks.Figure("  in their final send at the fault", recoveries.Count(r => r.Interrupted.InFinalSend));
        checks.Figure("  part-way through the steps", recoveries.Count(r => !r.Interrupted.InFinalSend));
        checks.Figure("  already stored before the fault (the re-send answered with it)", recoveries.Count(r => r.StoredBefore is not null));
        checks.Figure("  stored by the re-send", recoveries.Count(r => r.StoredBefore is null && r.Succeeded));
        checks.Zero("interrupted forms not recovered (not on the done page, or another number)", recoveries.Count(r => !r.Succeeded));
        foreach (var failed in recoveries.Where(r => !r.Succeeded).Take(3))
            checks.Note($"not recovered: {failed.Interrupted.Form.LastName}: {failed.Failure?.Message ?? $"stored {failed.StoredBefore}, shown {failed.TrackingNumber}"}");
    }

    /// <summary>A failed answer is clean when it is the site's error page (5xx) and shows no exception, stack frame or SQL.</summary>
    public static bool IsClean(FailedCall failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.StatusCode is not (500 or 502 or 503 or 504) || failure.Body is null) return false;
        return failure.Body.Contains("<h1>", StringComparison.Ordinal) && !Leak().IsMatch(failure.Body);
    }

    [GeneratedRegex(@"Exception|StackTrace|Npgsql|SqlState|SQLite Error|\bat [A-Z][\w.`]+\.[\w<>`]+\(|\.cs:line \d+", RegexOptions.CultureInvariant)]
    private static partial Regex Leak();
}
