using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.RuleSets;

/// <summary>
/// One version of the fee and release rules: every rule file's JSON (and its test cases) as stored
/// text. Drafts are edited; a published version never changes, so a decision that names its version
/// can always be explained.
/// </summary>
public sealed class RuleSetVersion
{
    private Dictionary<string, string> _files = [];

    private RuleSetVersion() { }

    public int Version { get; private set; }
    public RuleSetStatus Status { get; private set; }
    /// <summary>File name (e.g. "fees.json") to its JSON text.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;
    public string? Description { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    /// <summary>Optimistic concurrency for two people editing one draft.</summary>
    public int Revision { get; private set; }

    public static RuleSetVersion NewDraft(int version, IReadOnlyDictionary<string, string> files, string description,
        string createdBy, DateTimeOffset at) => new()
        {
            Version = version,
            Status = RuleSetStatus.Draft,
            _files = new Dictionary<string, string>(files, StringComparer.Ordinal),
            Description = description,
            CreatedAt = at,
            CreatedBy = createdBy,
        };

    public void EditFile(string fileName, string json)
    {
        EnsureDraft();
        if (!_files.ContainsKey(fileName)) throw new DomainException($"The rule set has no file named {fileName}.", "fileName");
        _files = new Dictionary<string, string>(_files, StringComparer.Ordinal) { [fileName] = json };
        Revision++;
    }

    public void Publish(DateOnly effectiveFrom, string by, DateTimeOffset at)
    {
        EnsureDraft();
        Status = RuleSetStatus.Published;
        EffectiveFrom = effectiveFrom;
        PublishedAt = at;
        PublishedBy = by;
        Revision++;
    }

    public void Withdraw(string by, DateTimeOffset at)
    {
        if (Status != RuleSetStatus.Published) throw new DomainException("Only a published rule set can be rolled back.");
        Status = RuleSetStatus.Withdrawn;
        WithdrawnAt = at;
        WithdrawnBy = by;
        Revision++;
    }

    private void EnsureDraft()
    {
        if (Status != RuleSetStatus.Draft)
            throw new DomainException($"Version {Version} is {Status.ToString().ToLowerInvariant()}; only a draft can change. Start a new draft from it.");
    }
}
