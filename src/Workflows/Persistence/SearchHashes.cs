using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Fills the search-hash shadow columns (<see cref="SensitiveFields.SearchHashAnnotation"/>) of every row being inserted or
/// updated from the value they stand for, under the current key, just before the context saves (after its one comparison
/// of the tracked entities, <c>BackOfficeDbContext.DetectChangesOnce</c>).
/// </summary>
internal static class SearchHashes
{
    public static void Fill(BackOfficeDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var (hash, source, purpose) in Of(entry.Metadata))
            {
                var value = HashOf(db.Fields, entry.Property(source.Name).CurrentValue, purpose);
                var stored = entry.Property(hash.Name);
                if (!Equals(stored.CurrentValue, value)) stored.CurrentValue = value;
            }
        }
    }

    /// <summary>"DateOfBirth|date-of-birth" as its source property and hash purpose.</summary>
    public static (string Source, string Purpose) Split(string annotation)
    {
        var bar = annotation.IndexOf('|', StringComparison.Ordinal);
        return (annotation[..bar], annotation[(bar + 1)..]);
    }

    public static string? HashOf(FieldEncryption fields, object? value, string purpose) => value switch
    {
        null => null,
        DateOnly day => fields.Hash(day, purpose),
        string text => fields.Hash(text, purpose),
        _ => throw new InvalidOperationException($"A search hash is made of text or a date, not {value.GetType().Name}."),
    };

    /// <summary>The search-hash properties of an entity type with the property each stands for.</summary>
    public static IEnumerable<(IProperty Hash, IProperty Source, string Purpose)> Of(IEntityType entityType)
    {
        foreach (var hash in entityType.GetProperties())
        {
            if (hash.FindAnnotation(SensitiveFields.SearchHashAnnotation)?.Value is not string of) continue;
            var (source, purpose) = Split(of);
            yield return (hash, entityType.FindProperty(source)!, purpose);
        }
    }
}
