using System.Globalization;
using System.Text;

namespace BackOffice.Intake.Faults;

/// <summary>The headers that identify one e-mail: the app makes its Message-Id from the outbox row's id.</summary>
internal sealed record MailHead(string? MessageId, string? Subject, string? To)
{
    /// <summary>The outbox row this message was made from (Message-Id <c>&lt;{id:N}@backoffice&gt;</c>), if it says.</summary>
    public Guid? OutboxId
    {
        get
        {
            var local = MessageId?.Trim().Trim('<', '>').Split('@')[0];
            return Guid.TryParseExact(local, "N", out var id) ? id : null;
        }
    }

    /// <summary>Reads the header block of a raw RFC 5322 message (folded lines unfolded).</summary>
    public static MailHead Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var headers = new Dictionary<string, StringBuilder>(StringComparer.OrdinalIgnoreCase);
        StringBuilder? current = null;
        using var reader = new StringReader(raw);
        for (var line = reader.ReadLine(); !string.IsNullOrEmpty(line); line = reader.ReadLine())
        {
            if (line[0] is ' ' or '\t')
            {
                current?.Append(' ').Append(line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            if (headers.ContainsKey(name)) { current = null; continue; }
            current = new StringBuilder(line[(colon + 1)..].Trim());
            headers[name] = current;
        }

        string? Header(string name) => headers.TryGetValue(name, out var value) ? value.ToString() : null;
        return new MailHead(Header("Message-Id"), Header("Subject"), Header("To"));
    }
}

/// <summary>The messages written to the app's mail folder (<c>&lt;data&gt;/mail/*.eml</c>, used when no SMTP server is set).</summary>
internal static class MailFolder
{
    public static (List<MailHead> Messages, int Unfinished) Read(string directory)
    {
        if (!Directory.Exists(directory)) return ([], 0);
        var messages = Directory.EnumerateFiles(directory, "*.eml").Select(f => MailHead.Parse(File.ReadAllText(f))).ToList();
        // The writer renames a finished message into place: a .tmp left behind is one a kill cut off mid-write.
        var unfinished = Directory.EnumerateFiles(directory, "*.tmp").Count();
        return (messages, unfinished);
    }
}

/// <summary>
/// Messages against outbox rows: no Message-Id twice, no (subject, recipient) twice, every row the app counts as sent
/// has its message, no message without its row; an open incident (an attempt a fault cut off: "may or may not have
/// been sent") may have one or none, and is counted.
/// </summary>
internal static class MailCount
{
    public static void Check(IReadOnlyList<OutboxRow> outbox, IReadOnlyList<MailHead> messages, int unfinishedFiles, Checks checks, bool incidentsAllowed)
    {
        var byRow = messages.Where(m => m.OutboxId is not null).GroupBy(m => m.OutboxId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var rows = outbox.ToDictionary(r => r.Id);
        var sent = outbox.Where(r => r.SentMessage).ToList();
        var incidents = outbox.Where(r => r.OpenIncident).ToList();
        checks.Figure("e-mails received", messages.Count);
        checks.Figure("outbox rows sent (done, no note)", sent.Count);
        checks.Figure("outbox rows done without sending (a note)", outbox.Count(r => r.Processed && r.Note is not null));
        checks.Figure("outbox rows that failed at least once (retried)", outbox.Count(r => r.Attempts > 1 || r.LastError is not null));
        checks.Figure("incidents (attempt cut off by a fault; not re-sent)", incidents.Count);
        checks.Figure("  of which the message had gone out", incidents.Count(r => byRow.ContainsKey(r.Id)));
        checks.Zero("e-mails with the same Message-Id twice", byRow.Count(p => p.Value > 1));
        checks.Zero("e-mails with the same subject and recipient twice",
            messages.GroupBy(m => (m.Subject, m.To)).Count(g => g.Count() > 1));
        checks.Zero("sent outbox rows without their e-mail", sent.Count(r => !byRow.ContainsKey(r.Id)));
        checks.Zero("e-mails without an outbox row", messages.Count(m => m.OutboxId is not { } id || !rows.ContainsKey(id)));
        checks.Zero("outbox rows still pending", outbox.Count(r => r.Pending));
        checks.Figure("half-written e-mail files (.tmp)", unfinishedFiles);
        if (!incidentsAllowed) checks.Zero("incidents", incidents.Count);
        foreach (var incident in incidents.Take(3))
            checks.Note($"incident {incident.Id:N} ({incident.Type}, {incident.Attempts} attempts): {incident.IncidentReason}");
    }
}
