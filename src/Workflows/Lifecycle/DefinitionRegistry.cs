using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// Every lifecycle definition version the app knows, by name and version. Requests are pinned to the
/// version they started under, so old versions stay here after a newer one is added.
/// </summary>
public sealed class DefinitionRegistry
{
    private readonly Dictionary<(string Name, int Version), LifecycleDefinition> _definitions = [];

    public void Add(LifecycleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definitions[(definition.Name, definition.Version)] = definition;
    }

    public LifecycleDefinition Get(string name, int version) =>
        _definitions.TryGetValue((name, version), out var definition)
            ? definition
            : throw new KeyNotFoundException($"Lifecycle definition '{name}' version {version} is not registered.");

    public LifecycleDefinition Latest(string name) =>
        _definitions.Values.Where(d => d.Name == name).MaxBy(d => d.Version)
            ?? throw new KeyNotFoundException($"No lifecycle definition named '{name}' is registered.");

    public IEnumerable<LifecycleDefinition> All => _definitions.Values.OrderBy(d => d.Name).ThenBy(d => d.Version);

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
