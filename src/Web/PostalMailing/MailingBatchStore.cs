using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackOffice.Web.Encryption;
using BackOffice.Workflows;

namespace BackOffice.Web.PostalMailing;

/// <summary>
/// Batch PDFs and their records in <c>&lt;DataDirectory&gt;/mailing/</c>, outside the web root: <c>{id}.pdf</c> beside
/// <c>{id}.json</c>, both encrypted at rest (letters carry names and addresses). One small file per batch (no shared
/// index to rewrite), so two nodes never overwrite each other.
/// </summary>
public sealed partial class MailingBatchStore(WorkflowsOptions options, AtRestEncryption encryption)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Root { get; } = Path.Combine(options.StoredFilesDirectory, "mailing");

    /// <summary>One batch at a time in this process: a second click waits, then finds nothing left to mail.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public static string NewId(DateOnly day) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public string PathOf(string id) => Path.Combine(Root, CheckedId(id) + ".pdf");

    // Each file is written under a temporary name and then renamed, so a reader never sees half a file.
    public async Task SaveRecordAsync(MailingBatchRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        CreateRoot();
        await encryption.WriteFileAsync(Path.Combine(Root, CheckedId(record.Id) + ".json"), JsonSerializer.SerializeToUtf8Bytes(record, Json), cancellationToken);
    }

    public async Task SavePdfAsync(string id, byte[] pdf, CancellationToken cancellationToken)
    {
        CreateRoot();
        await encryption.WriteFileAsync(PathOf(id), pdf, cancellationToken);
    }

    /// <summary>Every batch, newest first.</summary>
    public async Task<IReadOnlyList<MailingBatchRecord>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root)) return [];
        var records = new List<MailingBatchRecord>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.json"))
        {
            if (!IdPattern().IsMatch(Path.GetFileNameWithoutExtension(file))) continue;
            var json = await encryption.ReadFileAsync(file, "A mailing batch record", cancellationToken);
            if (JsonSerializer.Deserialize<MailingBatchRecord>(json, Json) is { } record) records.Add(record);
        }

        return records.OrderByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>The batch with this id, or null when the id is not one of ours or there is no such batch.</summary>
    public async Task<MailingBatchRecord?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null || !IdPattern().IsMatch(id)) return null;
        var path = Path.Combine(Root, id + ".json");
        if (!File.Exists(path)) return null;
        return JsonSerializer.Deserialize<MailingBatchRecord>(await encryption.ReadFileAsync(path, "A mailing batch record", cancellationToken), Json);
    }

    public Stream? TryOpenPdf(MailingBatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = PathOf(record.Id);
        return File.Exists(path) ? encryption.OpenRead(path, "A mailing batch") : null;
    }

    /// <summary>The batches stored (a record, a PDF or both), each with the day it was made for (its id starts with it).</summary>
    public IReadOnlyList<(string Id, DateOnly Day)> StoredBatches()
    {
        if (!Directory.Exists(Root)) return [];
        return [.. Directory.EnumerateFiles(Root)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".pdf", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(id => IdPattern().IsMatch(id))
            .Distinct(StringComparer.Ordinal)
            .Select(id => (id, DateOnly.ParseExact(id[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// Deletes a batch (the retention policy): its record first, then its PDF. A record left without its PDF would have the
    /// page print the letters again from the requests, by then reduced; a PDF left without its record is still found by its
    /// name (<see cref="StoredBatches"/>) the next time.
    /// </summary>
    public void Delete(string id)
    {
        File.Delete(Path.Combine(Root, CheckedId(id) + ".json"));
        File.Delete(PathOf(id));
    }

    private static string CheckedId(string id) =>
        id is not null && IdPattern().IsMatch(id) ? id : throw new ArgumentException("Not a mailing batch id.", nameof(id));

    // Only the app's account may read the letters or list the folder.
    private void CreateRoot()
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Root);
        else Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-f]{8}$")]
    private static partial Regex IdPattern();
}
