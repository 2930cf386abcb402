using BackOffice.Web.Encryption;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackOffice.Web.Health;

/// <summary>The store every node keeps documents and mailing batches in (BackOffice:FilesDirectory) can be written.</summary>
internal sealed class DocumentStoreHealthCheck(StoredFiles files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A probe file per process, written and deleted: a share mounted read-only or gone fails here, not on an upload.
        var probe = Path.Combine(files.FilesDirectory, $".ready-{Environment.MachineName}-{Environment.ProcessId}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The files directory cannot be written.");
        }
    }
}

/// <summary>The configured key opens the files directory's encryption check (the key the stored files were written with).</summary>
internal sealed class KeyMaterialHealthCheck(StoredFiles files) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            files.VerifyKey();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception exception) when (exception is EncryptionKeyException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The configured key does not open the stored files."));
        }
    }
}

/// <summary>Hangfire's storage answers (the jobs' queue, recurring jobs and the staff's "Try again").</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            _ = connection.GetAllItemsFromSet("recurring-jobs");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
#pragma warning disable CA1031 // any storage failure means "not ready"; the exception is not shown
        catch (Exception)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage cannot be reached."));
        }
    }
}
