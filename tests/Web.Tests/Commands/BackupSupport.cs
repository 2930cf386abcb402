using System.Collections.Concurrent;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Web.Backup;
using BackOffice.Web.Commands;
using BackOffice.Web.Documents;
using BackOffice.Web.Tests.Intake;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Commands;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackupRuns
{
    /// <summary>The backup tests put several apps and processes under load: one class at a time.</summary>
    public const string Name = "Backups";
}

/// <summary>Clerks keying in paper forms (each with its scan) as fast as the app takes them, until stopped.</summary>
internal sealed class IntakeLoad : IDisposable
{
    private readonly ConcurrentQueue<(Guid Id, DateTimeOffset ConfirmedAt)> _confirmed = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];

    public static async Task<IntakeLoad> StartAsync(BackOfficeFactory factory, int clients)
    {
        var load = new IntakeLoad();
        var today = factory.Services.GetRequiredService<DepartmentClock>().Today;
        for (var i = 0; i < clients; i++)
        {
            var clerk = await factory.SignedInAsync("clerk");
            load._clients.Add(Task.Run(() => load.KeyInFormsAsync(clerk, today)));
        }

        return load;
    }

    public IReadOnlyList<(Guid Id, DateTimeOffset ConfirmedAt)> Confirmed => [.. _confirmed];

    public async Task WaitForAsync(int count)
    {
        var deadline = Stopwatch.StartNew();
        while (_confirmed.Count < count)
        {
            if (_clients.FirstOrDefault(c => c.IsFaulted) is { } failed) await failed;
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(120), $"only {_confirmed.Count} of {count} forms were taken");
            await Task.Delay(50);
        }
    }

    public async Task<IReadOnlyList<(Guid Id, DateTimeOffset ConfirmedAt)>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        return Confirmed;
    }

    public void Dispose() => _stop.Dispose();

    private async Task KeyInFormsAsync(HttpClient clerk, DateOnly today)
    {
        using (clerk)
        {
            while (!_stop.IsCancellationRequested)
            {
                // Scans of two chunks and more, of different sizes, so files are copied while forms keep arriving.
                var form = new IntakeForm(today) { Scan = UploadFile.Pdf("Scan", "authorization-scan.pdf", 70_000 + RandomNumberGenerator.GetInt32(90_000)) };
                var response = await form.PostAsync(clerk);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
                _confirmed.Enqueue((Guid.Parse(response.Location()!["/Staff/Requests/".Length..]), DateTimeOffset.UtcNow));
            }
        }
    }
}

/// <summary>A request as a database holds it: its documents and its journal.</summary>
internal sealed record StoredRequest(Guid Id, string TrackingNumber, IReadOnlyList<(string StorageKey, string Sha256)> Documents,
    IReadOnlyList<(int Sequence, string Trigger, string ToState)> Journal);

internal static class BackupSupport
{
    public static async Task<Dictionary<Guid, StoredRequest>> StoredRequestsAsync(BackOfficeFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var requests = await db.Requests.AsNoTracking().Include(r => r.Documents).AsSplitQuery().ToListAsync();
        var journal = (await db.Journal.AsNoTracking().ToListAsync()).ToLookup(j => j.RequestId);
        return requests.ToDictionary(r => r.Id, r => new StoredRequest(r.Id, r.TrackingNumber,
            [.. r.Documents.OrderBy(d => d.StorageKey, StringComparer.Ordinal).Select(d => (d.StorageKey, d.Sha256))],
            [.. journal[r.Id].OrderBy(j => j.Sequence).Select(j => (j.Sequence, j.Trigger, j.ToState))]));
    }

    /// <summary>The SHA-256 of a stored document's plain content, read through the app's own store (and so its key).</summary>
    public static string PlainSha256(BackOfficeFactory factory, string storageKey)
    {
        using var content = factory.Services.GetRequiredService<DocumentStore>().OpenRead(storageKey);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>Runs the built app (<c>dotnet BackOffice.Web.dll …</c>) as an operator does, to its exit.</summary>
    public static Task<(int ExitCode, string Output)> RunBuiltAppAsync(params string[] arguments) =>
        RunBuiltAppInAsync(AppContext.BaseDirectory, arguments);

    /// <summary>The built app run with <paramref name="workingDirectory"/> as the working directory (an administrator's shell).</summary>
    public static async Task<(int ExitCode, string Output)> RunBuiltAppInAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BackOffice.Web.dll"), .. arguments, "--environment", "Production"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Runs a command as Program.cs does, in this process: the app's host built with these settings, not started.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string[] command, IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. settings.Select(s => $"--{s.Key}={s.Value}")],
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddBackOffice();
        await using var app = builder.Build();
        var output = new StringWriter();
        var exit = await BackOfficeCommands.RunAsync(app.Services, command, output);
        return (exit, output.ToString());
    }

    /// <summary>Every entry of a backup archive with its bytes.</summary>
    public static async Task<Dictionary<string, byte[]>> EntriesAsync(string archive)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            using var bytes = new MemoryStream();
            if (entry.DataStream is { } data) await data.CopyToAsync(bytes);
            entries.Add(entry.Name, bytes.ToArray());
        }

        return entries;
    }

    public static BackupManifest Manifest(Dictionary<string, byte[]> entries) =>
        JsonSerializer.Deserialize<BackupManifest>(entries[BackupLayout.Manifest], BackupManifest.Json)!;

    /// <summary>Writes the archive again with <paramref name="change"/> applied to its entries (to make a damaged copy).</summary>
    public static async Task RewriteAsync(Dictionary<string, byte[]> entries, string archive, Action<Dictionary<string, byte[]>> change)
    {
        var changed = new Dictionary<string, byte[]>(entries, StringComparer.Ordinal);
        change(changed);
        await using var file = File.Create(archive);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, bytes) in changed.OrderBy(e => e.Key == BackupLayout.Manifest))
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
    }

    public static string NewDirectory(string purpose) => Path.Combine(Path.GetTempPath(), "backoffice-backup-tests", purpose, Guid.NewGuid().ToString("N"));

    public static void DeleteDirectory(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
