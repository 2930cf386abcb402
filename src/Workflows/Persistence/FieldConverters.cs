using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Gives every property marked <see cref="SensitiveFields.Encrypted"/> a value converter that encrypts on write and
/// decrypts on read with the context's <see cref="FieldEncryption"/>. The converters hold the keys, so the model is
/// cached per set of keys (<see cref="FieldEncryptionModelCacheKeyFactory"/>).
/// </summary>
/// <remarks>
/// A value converter runs on values, not on SQL: a query that compares, sorts or searches an encrypted column in the
/// database (<c>Where(r =&gt; r.Patient.DateOfBirth == day)</c>) silently matches nothing, because the parameter is
/// encrypted with a fresh nonce. Exact matches compare the search hash instead (<see cref="SensitiveFields.SearchHashAnnotation"/>).
/// </remarks>
internal static class FieldConverters
{
    public static void Apply(IMutableModel model, FieldEncryption fields)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.FindAnnotation(SensitiveFields.EncryptedAnnotation)?.Value is not string purpose) continue;
                property.SetValueConverter(For(property, fields, purpose));
            }
        }
    }

    private static ValueConverter For(IMutableProperty property, FieldEncryption fields, string purpose)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var existing = property.GetValueConverter();
        if (existing is not null)
        {
            // A value already stored as text (JSON): its text is encrypted.
            if (existing.ProviderClrType != typeof(string))
                throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is marked encrypted but is not stored as text.");
            return existing.ComposeWith(Text(fields, purpose));
        }

        if (type == typeof(string)) return Text(fields, purpose);
        if (type == typeof(DateOnly))
        {
            return new ValueConverter<DateOnly, string>(
                day => fields.Protect(FieldEncryption.DateText(day), purpose),
                stored => FieldEncryption.ParseDateText(fields.Unprotect(stored, purpose)));
        }

        throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} ({type.Name}) cannot be encrypted; "
            + "encrypted properties are text or dates.");
    }

    private static ValueConverter<string, string> Text(FieldEncryption fields, string purpose) =>
        new(plain => fields.Protect(plain, purpose), stored => fields.Unprotect(stored, purpose));
}
