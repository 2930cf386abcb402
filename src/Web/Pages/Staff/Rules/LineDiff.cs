namespace BackOffice.Web.Pages.Staff.Rules;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>A line diff by longest common subsequence; rule files are a few hundred lines, so O(n·m) is fine.</summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = before.ReplaceLineEndings("\n").Split('\n');
        var b = after.ReplaceLineEndings("\n").Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new(DiffKind.Same, a[x])); x++; y++; }
            else if (common[x + 1, y] >= common[x, y + 1]) lines.Add(new(DiffKind.Removed, a[x++]));
            else lines.Add(new(DiffKind.Added, b[y++]));
        }

        while (x < a.Length) lines.Add(new(DiffKind.Removed, a[x++]));
        while (y < b.Length) lines.Add(new(DiffKind.Added, b[y++]));
        return lines;
    }
}
