namespace BackOffice.Workflows.Requests;

/// <summary>Comparing names as people write them.</summary>
public static class PersonName
{
    /// <summary>The same name whatever the case, spacing or punctuation ("Jo Counsel" and "jo  counsel.").</summary>
    public static bool Same(string? a, string? b)
    {
        if (a is null || b is null) return false;
        var left = Letters(a);
        return left.Length > 0 && left == Letters(b);
    }

    private static string Letters(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
