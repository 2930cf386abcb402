using BackOffice.Workflows.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Start-up work: apply migrations, check the encryption keys against the database (and encrypt values stored before
/// encryption, once), then load, validate and register every lifecycle definition.
/// A definition file whose version is already registered with different content stops start-up:
/// requests pinned to that version must not silently change behaviour.
/// </summary>
public sealed class DatabaseInitializer(BackOfficeDbContext db, EncryptedColumns encrypted, DefinitionRegistry registry,
    DefinitionValidator validator, WorkflowsOptions options, TimeProvider time, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await db.MigrateKnownAsync(cancellationToken);
        await encrypted.VerifyAndUpgradeAsync(cancellationToken);
        await RegisterDefinitionsAsync(cancellationToken);
    }

    private async Task RegisterDefinitionsAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.DefinitionsDirectory);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json") : [];
        if (files.Length == 0) throw new LifecycleDefinitionException(directory, ["no lifecycle definition files (*.json) found"]);

        var stored = await db.LifecycleDefinitions.ToListAsync(cancellationToken);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var definition = LifecycleDefinition.Parse(json, Path.GetFileName(file));
            validator.EnsureValid(definition, Path.GetFileName(file));
            var hash = DefinitionRegistry.Hash(json);
            var existing = stored.Find(d => d.Name == definition.Name && d.Version == definition.Version);
            if (existing is null)
            {
                var record = new LifecycleDefinitionRecord
                {
                    Name = definition.Name, Version = definition.Version, Json = json, Sha256 = hash, RegisteredAt = time.GetUtcNow(),
                };
                db.LifecycleDefinitions.Add(record);
                stored.Add(record);
                logger.LogInformation("Registered lifecycle {Name} v{Version}", definition.Name, definition.Version);
            }
            else if (existing.Sha256 != hash)
            {
                throw new LifecycleDefinitionException(Path.GetFileName(file),
                    [$"version {definition.Version} of '{definition.Name}' is already registered with different content; give the changed definition a new version"]);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // Versions no longer shipped as files still run the requests pinned to them.
        foreach (var record in stored)
        {
            var definition = LifecycleDefinition.Parse(record.Json, $"{record.Name} v{record.Version} (database)");
            validator.EnsureValid(definition, $"{record.Name} v{record.Version} (database)");
            registry.Add(definition);
        }
    }
}
