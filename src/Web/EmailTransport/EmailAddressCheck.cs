using MimeKit;

namespace BackOffice.Web.EmailTransport;

/// <summary>
/// Whether typed text is exactly one e-mail address we can send to: a bare <c>name@domain.tld</c>, no display name,
/// no list, no comments or quoting. <see cref="System.Net.Mail.MailAddress"/> alone is too lenient (it took
/// "a@x, b@y", which MimeKit then refused on every message to that person), so the text must also be one mailbox to
/// MimeKit, the library that sends it.
/// </summary>
public static class EmailAddressCheck
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;

    public static bool IsSingleAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var text = value.Trim();
        if (text.Length > MaxLength || text.Any(IsForbidden)) return false;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1) return false;
        var local = text[..at];
        var domain = text[(at + 1)..];
        if (local.Length > MaxLocalPartLength || local.StartsWith('.') || local.EndsWith('.')
            || local.Contains("..", StringComparison.Ordinal)) return false;
        var labels = domain.Split('.');
        if (labels.Length < 2 || !labels.All(IsDomainLabel)) return false;
        return MailboxAddress.TryParse(ParserOptions.Default, text, out var mailbox)
            && string.Equals(mailbox.Address, text, StringComparison.Ordinal) && string.IsNullOrEmpty(mailbox.Name);
    }

    /// <summary>True when the text looks like several addresses (a comma, semicolon or more than one @).</summary>
    public static bool LooksLikeSeveral(string? value) =>
        value is not null && (value.Contains(',', StringComparison.Ordinal) || value.Contains(';', StringComparison.Ordinal)
            || value.Count(c => c == '@') > 1);

    private static bool IsForbidden(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"' or '(' or ')' or '[' or ']' or '\\' or ':';

    private static bool IsDomainLabel(string label) =>
        label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-')
        && label.All(c => char.IsLetterOrDigit(c) || c == '-');
}
