using System.Net;
using BackOffice.Web.Localization;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Documents;

/// <summary>
/// The uploads of anonymous online requests (the wizard), recorded in the shared database so every node applies the same
/// limits: per client address (<see cref="DocumentOptions.UploadsPerAddress"/> files and
/// <see cref="DocumentOptions.UploadBytesPerAddress"/> bytes per <see cref="DocumentOptions.AddressWindow"/>), per wizard
/// (<see cref="DocumentOptions.UploadsPerWizard"/> files stored and not sent) and for all unsent wizards together
/// (<see cref="DocumentOptions.UnsentUploadBytesCeiling"/>). An upload is recorded (<see cref="StagedUpload"/> and
/// <see cref="ClientUpload"/>) before its file is written, so no stored file goes unrecorded; the request that is sent with
/// it takes the record over (<c>LifecycleEngine.StartAsync</c>), and the abandoned-uploads job deletes the rest. A refusal
/// is worded in the page's language (<c>WizardUploads.es.resx</c>, keyed by the English).
/// </summary>
public sealed class WizardUploads(BackOfficeDbContext db, DocumentStore documents, IOptions<DocumentOptions> options, TimeProvider time,
    WriteGate gate)
{
    private static readonly Translations Words = new(typeof(WizardUploads));
    private readonly DocumentOptions _limits = options.Value;

    /// <summary>
    /// Records an upload of <paramref name="size"/> bytes to the wizard <paramref name="wizardId"/> from
    /// <paramref name="client"/> and returns the storage key to write it under, or the refusal when it would pass a
    /// limit (nothing recorded then). The limits are read before and again after the record is written, so uploads
    /// racing on other nodes cannot together pass a limit (both may be refused instead).
    /// </summary>
    public async Task<(string? StorageKey, UploadRefusal? Refusal)> ReserveAsync(Guid wizardId, IPAddress? client, long size,
        CancellationToken cancellationToken)
    {
        var address = ClientAddresses.KeyOf(client);
        if (await CheckAsync(wizardId, address, size, null, cancellationToken) is { } refused) return (null, refused);

        var now = time.GetUtcNow();
        var staged = StagedUpload.Stage(documents.NewStorageKey(), wizardId, address, size, now);
        var counted = ClientUpload.Record(address, size, now);
        db.StagedUploads.Add(staged);
        db.ClientUploads.Add(counted);
        await gate.SaveChangesAsync(db, cancellationToken); // no busy-handler sleep behind a commit; may share a group commit
        db.Entry(staged).State = EntityState.Detached;
        db.Entry(counted).State = EntityState.Detached;

        if (await CheckAsync(wizardId, address, size, (staged.StorageKey, counted.Id), cancellationToken) is { } raced)
        {
            await db.StagedUploads.Where(u => u.StorageKey == staged.StorageKey).ExecuteDeleteAsync(CancellationToken.None);
            await db.ClientUploads.Where(u => u.Id == counted.Id).ExecuteDeleteAsync(CancellationToken.None);
            return (null, raced);
        }

        return (staged.StorageKey, null);
    }

    /// <summary>The file reserved under <paramref name="storageKey"/> was not stored after all (refused for its content,
    /// or the write failed): its record goes. It still counts for its address.</summary>
    public Task ReleaseAsync(string storageKey) =>
        db.StagedUploads.Where(u => u.StorageKey == storageKey).ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>
    /// An upload replaced in the wizard: deletes its record and then its file, but only while it is still this wizard's
    /// staged upload. A file a sent request took over (an old copy of the wizard's answers replayed) is left alone.
    /// </summary>
    public async Task<bool> DiscardAsync(Guid wizardId, string storageKey)
    {
        var removed = await db.StagedUploads.Where(u => u.StorageKey == storageKey && u.WizardId == wizardId)
            .ExecuteDeleteAsync(CancellationToken.None);
        if (removed == 0) return false;
        documents.Delete(storageKey);
        return true;
    }

    /// <summary>The wizard's answers naming these files were just handed to the browser again: the files are kept at least
    /// the wizard's idle limit from now.</summary>
    public async Task KeepAsync(Guid wizardId, IReadOnlyCollection<string> storageKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        if (storageKeys.Count == 0) return;
        var now = time.GetUtcNow();
        // Rows stamped in the last minute (the upload itself, a step saved just before) are left alone: an update that
        // matches nothing writes nothing, so a step saved right after the upload costs no disk flush.
        var stampedBefore = now - TimeSpan.FromMinutes(1);
        await db.StagedUploads.Where(u => u.WizardId == wizardId && storageKeys.Contains(u.StorageKey) && u.LastSeenAt < stampedBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, now), cancellationToken);
    }

    /// <summary>The refusal one more upload of <paramref name="size"/> bytes would get; <paramref name="own"/> are its
    /// records when they are already written (they are not counted twice).</summary>
    private async Task<UploadRefusal?> CheckAsync(Guid wizardId, string address, long size, (string Key, Guid Id)? own,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = _limits.AddressWindow;
        var since = now - window;
        var ownKey = own?.Key ?? "";
        var ownId = own?.Id ?? Guid.Empty;

        var recent = await db.ClientUploads.AsNoTracking()
            .Where(u => u.ClientAddress == address && u.At > since && u.Id != ownId)
            .OrderBy(u => u.At)
            .Select(u => new { u.At, u.Size })
            .ToListAsync(cancellationToken);
        var count = recent.Count + 1;
        var bytes = recent.Sum(u => u.Size) + size;
        if (count > _limits.UploadsPerAddress || bytes > _limits.UploadBytesPerAddress)
        {
            // The first moment enough of this address's uploads have left the window for this one to fit.
            var wait = window;
            for (var i = 0; i < recent.Count; i++)
            {
                count--;
                bytes -= recent[i].Size;
                if (count <= _limits.UploadsPerAddress && bytes <= _limits.UploadBytesPerAddress)
                {
                    wait = recent[i].At + window - now;
                    break;
                }
            }

            if (wait < TimeSpan.FromSeconds(1)) wait = TimeSpan.FromSeconds(1);
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            return new UploadRefusal(StatusCodes.Status429TooManyRequests,
                minutes == 1
                    ? Words.Text("Too many files have been uploaded from your internet connection in a short time. Try again in 1 minute.")
                    : Words.Format("Too many files have been uploaded from your internet connection in a short time. Try again in {0} minutes.", minutes),
                wait);
        }

        var wizardFiles = await db.StagedUploads.CountAsync(u => u.WizardId == wizardId && u.StorageKey != ownKey, cancellationToken);
        if (wizardFiles + 1 > _limits.UploadsPerWizard)
        {
            return new UploadRefusal(StatusCodes.Status200OK,
                Words.Text("This request already has as many uploaded files as it can take. Send it with the files already uploaded, or start a new request."),
                null);
        }

        var unsent = await db.StagedUploads.Where(u => u.StorageKey != ownKey).SumAsync(u => u.Size, cancellationToken);
        if (unsent + size > _limits.UnsentUploadBytesCeiling)
        {
            return new UploadRefusal(StatusCodes.Status503ServiceUnavailable,
                Words.Text("We cannot take uploaded files just now. Try again in an hour, or print the paper form and mail it with a copy of your photo ID."),
                TimeSpan.FromHours(1));
        }

        return null;
    }
}
