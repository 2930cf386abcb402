using System.Globalization;
using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// The inputs a clerk gives with an action (a reason, page counts, a check number), as the strings a
/// form posts. Typed getters turn a bad value into a message for the field it came from.
/// </summary>
public sealed class TriggerArgs
{
    private readonly Dictionary<string, string?> _values;

    public TriggerArgs(IEnumerable<KeyValuePair<string, string?>>? values = null, string? comment = null)
    {
        _values = new Dictionary<string, string?>(values ?? [], StringComparer.OrdinalIgnoreCase);
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    public static TriggerArgs None { get; } = new();

    public string? Comment { get; }

    public IReadOnlyDictionary<string, string?> Values => _values;

    public static TriggerArgs Of(params (string Key, string? Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));

    public TriggerArgs WithComment(string? comment) => new(_values, comment);

    public string? Text(string key) =>
        _values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string RequiredText(string key, string message) => Text(key) ?? throw new DomainException(message, key);

    public bool Flag(string key) => Text(key) is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "on" || v == "1");

    public int WholeNumber(string key, int fallback = 0)
    {
        var text = Text(key);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException($"'{text}' is not a whole number.", key);
    }

    public decimal Amount(string key, decimal fallback = 0m)
    {
        var text = Text(key)?.TrimStart('$');
        if (text is null) return fallback;
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException($"'{text}' is not an amount.", key);
    }

    public DateTimeOffset RequiredDateTime(string key, string message)
    {
        var text = RequiredText(key, message);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new DomainException($"'{text}' is not a date and time.", key);
    }

    /// <summary>A list typed one item per line (or separated by semicolons).</summary>
    public IReadOnlyList<string> List(string key) =>
        Text(key)?.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
