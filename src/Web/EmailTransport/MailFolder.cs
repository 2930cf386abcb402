using System.Text.RegularExpressions;
using MimeKit;

namespace BackOffice.Web.EmailTransport;

/// <summary>One message written by <see cref="PickupDirectoryEmailSender"/>, as the Sent messages page lists it.</summary>
public sealed record SentMessageSummary(string Name, DateTimeOffset Date, string To, string Subject);

/// <summary>
/// Reads the .eml files <see cref="PickupDirectoryEmailSender"/> wrote. Only names the sender makes are accepted
/// (a timestamp, a dash, 32 hex digits, ".eml"), so a name from a URL can never reach another file.
/// </summary>
public sealed partial class MailFolder(string directory)
{
    public string Directory { get; } = directory;

    public static bool IsMessageName(string? name) => name is not null && MessageName().IsMatch(name);

    /// <summary>Newest first (names start with the UTC time they were written); <paramref name="page"/> counts from 1.</summary>
    public (IReadOnlyList<SentMessageSummary> Items, int Total) List(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (!System.IO.Directory.Exists(Directory)) return ([], 0);
        var names = System.IO.Directory.EnumerateFiles(Directory, "*.eml").Select(Path.GetFileName).OfType<string>()
            .Where(IsMessageName).OrderDescending(StringComparer.Ordinal).ToList();
        var items = new List<SentMessageSummary>();
        foreach (var name in names.Skip((page - 1) * pageSize).Take(pageSize))
        {
            if (Open(name) is { } message)
                items.Add(new SentMessageSummary(name, message.Date, message.To.ToString(), message.Subject ?? ""));
        }

        return (items, names.Count);
    }

    /// <summary>The message with this name, or null when the name is not one the sender makes or no such file exists.</summary>
    public MimeMessage? Open(string? name)
    {
        if (!IsMessageName(name)) return null;
        var path = Path.Combine(Directory, name!);
        if (!File.Exists(path)) return null;
        try
        {
            return MimeMessage.Load(path);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (FileNotFoundException)
        {
            return null; // removed between the check and the read
        }
    }

    [GeneratedRegex(@"^[0-9]{8}T[0-9]{9}-[0-9a-f]{32}\.eml$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageName();
}
