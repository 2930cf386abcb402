using System.Xml.Linq;
using BackOffice.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Encryption;

/// <summary>
/// The Data Protection key ring kept in the database (<see cref="StaffIdentityDbContext.DataProtectionKeys"/>), shared
/// by every node: the keys earlier versions kept in <c>&lt;data directory&gt;/keys</c> are imported once (already
/// encrypted there by <see cref="StoredFiles"/>), and rotation re-wraps each row's secret with the current key.
/// </summary>
public static class DataProtectionKeyRows
{
    /// <summary>Adds each key file not yet in the database (by its name, <c>key-{id}</c>); the number added.</summary>
    public static async Task<int> ImportFilesAsync(StaffIdentityDbContext db, string keysDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Directory.Exists(keysDirectory)) return 0;
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var path in Directory.EnumerateFiles(keysDirectory, "key-*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (known.Contains(name)) continue;
            var key = XDocument.Load(path).Root!;
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = key.ToString(SaveOptions.DisableFormatting) });
            added++;
        }

        if (added > 0) await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Re-wraps every key row not wrapped with the current key (and encrypts any plain one); the number changed.</summary>
    public static async Task<int> ProtectAsync(StaffIdentityDbContext db, AtRestEncryption encryption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changed = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (row.Xml is null) continue;
            var key = XElement.Parse(row.Xml, LoadOptions.PreserveWhitespace);
            if (!DataProtectionKeyFiles.Protect(key, encryption, $"The Data Protection key {row.FriendlyName}")) continue;
            row.Xml = key.ToString(SaveOptions.DisableFormatting);
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
