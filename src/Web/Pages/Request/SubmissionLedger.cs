using System.Text.Json;
using BackOffice.Workflows;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Makes sending a request idempotent: each filled-in form has a submission id, and the first send claims it with a
/// file created atomically under <c>&lt;DataDirectory&gt;/submissions</c> (shared by every node that shares the data
/// directory). A second send of the same form (double click, back and resubmit) waits for the first and gets its
/// receipt instead of creating a second request. Claims are swept after two days.
/// </summary>
public sealed class SubmissionLedger(WorkflowsOptions options, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);
    private static readonly TimeSpan WaitFor = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Folder { get; } = Path.Combine(options.Database.DataDirectory, "submissions");

    /// <summary>True when this caller sent the form first and must now <see cref="Complete"/> or <see cref="Abandon"/> it.</summary>
    public bool TryClaim(Guid submissionId)
    {
        Directory.CreateDirectory(Folder);
        Sweep();
        try
        {
            using var claim = new FileStream(PathOf(submissionId), FileMode.CreateNew, FileAccess.Write);
            return true;
        }
        catch (IOException) when (File.Exists(PathOf(submissionId)))
        {
            return false;
        }
    }

    public void Complete(Guid submissionId, RequestReceipt receipt)
    {
        var temporary = PathOf(submissionId) + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(receipt, Json));
        File.Move(temporary, PathOf(submissionId), overwrite: true);
    }

    public void Abandon(Guid submissionId) => File.Delete(PathOf(submissionId));

    /// <summary>The receipt of a form another send claimed, once that send finished; null if it did not in time.</summary>
    public async Task<RequestReceipt?> WaitForReceiptAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        // Waiting is measured on the machine's clock: a test's frozen TimeProvider must not make it wait forever.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < WaitFor)
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(PathOf(submissionId), cancellationToken);
                if (bytes.Length > 0) return JsonSerializer.Deserialize<RequestReceipt>(bytes, Json);
            }
            catch (FileNotFoundException)
            {
                return null; // the first send failed and gave the claim up
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return null;
    }

    private string PathOf(Guid submissionId) => Path.Combine(Folder, submissionId.ToString("N"));

    private void Sweep()
    {
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            try
            {
                if (file.LastWriteTimeUtc < time.GetUtcNow().UtcDateTime - KeepFor) file.Delete();
            }
            catch (IOException)
            {
                // another node swept it first
            }
        }
    }
}
