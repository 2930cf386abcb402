using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BackOffice.Workflows.Persistence;

internal static class JsonColumn
{
    /// <summary>Stores a <typeparamref name="T"/> as JSON text; it is read back as a <typeparamref name="TStored"/>.</summary>
    public static ValueConverter<T, string> Converter<T, TStored>() where TStored : class, T, new() => new(
        value => JsonSerializer.Serialize(value, (JsonSerializerOptions?)null),
        text => JsonSerializer.Deserialize<TStored>(text, (JsonSerializerOptions?)null) ?? new TStored());

    public static ValueComparer<T> Comparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
        value => JsonSerializer.Serialize(value, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null)!);
}
