using System.Security.Cryptography;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PatientRequest.Support;

/// <summary>What the app stored of uploads: the files in its document folder and the records of staged ones.</summary>
public static class StoredUploads
{
    public static string DocumentsFolder(this BackOfficeFactory factory) => Path.Combine(factory.DataDirectory, "documents");

    /// <summary>Every stored document file.</summary>
    public static List<string> StoredFiles(this BackOfficeFactory factory) =>
        Directory.Exists(factory.DocumentsFolder())
            ? [.. Directory.EnumerateFiles(factory.DocumentsFolder(), "*", SearchOption.AllDirectories)]
            : [];

    /// <summary>The stored file whose plain content is <paramref name="bytes"/>, or null.</summary>
    public static string? StoredFileWith(this BackOfficeFactory factory, byte[] bytes)
    {
        var hash = SHA256.HashData(bytes);
        return factory.StoredFiles().FirstOrDefault(file => SHA256.HashData(factory.ReadStoredFile(file)).SequenceEqual(hash));
    }

    /// <summary>The storage key ("yyyy/hex") of a stored file.</summary>
    public static string KeyOf(this BackOfficeFactory factory, string path) =>
        Path.GetRelativePath(factory.DocumentsFolder(), path).Replace('\\', '/');

    public static Task<List<StagedUpload>> StagedUploadsAsync(this BackOfficeFactory factory) =>
        factory.QueryAsync(db => db.StagedUploads.AsNoTracking().ToListAsync());

    /// <summary>Runs the abandoned-uploads job as the Hangfire server would.</summary>
    public static async Task<int> RunAbandonedUploadsJobAsync(this BackOfficeFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AbandonedUploadsJob>().RunAsync();
    }
}
