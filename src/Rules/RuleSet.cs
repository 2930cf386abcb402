namespace BackOffice.Rules;

/// <summary>
/// One version of the rules: the fee and release workflows and the fee schedules, as JSON text.
/// A published version never changes; a change is a new version, so compiled rule sets can be cached
/// by version.
/// </summary>
public sealed class RuleSet
{
    /// <summary>Which fee basis applies (free, a patient's own access, or the Illinois schedule).</summary>
    public const string FeesDocument = "fees.json";

    /// <summary>The Illinois schedule's invoice lines.</summary>
    public const string IllinoisFeesDocument = "fees-illinois.json";

    /// <summary>A patient's own-access (HIPAA cost-based) invoice lines.</summary>
    public const string HipaaFeesDocument = "fees-hipaa.json";

    public const string ReleaseDocument = "release.json";

    /// <summary>The yearly Illinois schedules and the HIPAA cost figures, as data.</summary>
    public const string FeeSchedulesDocument = "fee-schedules.json";

    /// <summary>The saved test cases a version must pass before it is published.</summary>
    public const string TestCasesDocument = "test-cases.json";

    /// <summary>The rule files in the repository's <c>rules/</c> folder are version 1.</summary>
    public const int ShippedVersion = 1;

    public RuleSet(int version, IReadOnlyDictionary<string, string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        Version = version;
        Documents = new Dictionary<string, string>(documents, StringComparer.Ordinal);
    }

    /// <summary>The documents every rule set has, in the order they are checked.</summary>
    public static IReadOnlyList<string> DocumentNames { get; } =
        [FeeSchedulesDocument, FeesDocument, IllinoisFeesDocument, HipaaFeesDocument, ReleaseDocument, TestCasesDocument];

    /// <summary>The workflow documents; each one's workflow is named after its file (fees-illinois.json holds "fees-illinois").</summary>
    public static IReadOnlyList<string> WorkflowDocumentNames { get; } =
        [FeesDocument, IllinoisFeesDocument, HipaaFeesDocument, ReleaseDocument];

    public static string WorkflowNameOf(string document) => Path.GetFileNameWithoutExtension(document);

    public int Version { get; }

    /// <summary>The JSON text of each document, by file name (<see cref="DocumentNames"/>).</summary>
    public IReadOnlyDictionary<string, string> Documents { get; }

    /// <summary>Reads the rule documents from a folder such as the app's <c>rules/</c>; a missing file is reported when compiled.</summary>
    public static RuleSet FromDirectory(string directory, int version = ShippedVersion)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in DocumentNames)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                documents[name] = File.ReadAllText(path);
            }
        }

        return new RuleSet(version, documents);
    }

    /// <summary>A draft: this rule set with one document replaced, under a new version number.</summary>
    public RuleSet WithDocument(string name, string json, int version)
    {
        if (!DocumentNames.Contains(name))
        {
            throw new ArgumentException($"A rule set has no document named '{name}'.", nameof(name));
        }

        var documents = new Dictionary<string, string>(Documents, StringComparer.Ordinal) { [name] = json };
        return new RuleSet(version, documents);
    }

    /// <summary>Compiles this rule set and returns what is wrong with it; empty when it can be used.</summary>
    public IReadOnlyList<RuleError> Validate() => RuleSetCompiler.Compile(this).Errors;
}
