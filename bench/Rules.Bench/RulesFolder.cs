namespace BackOffice.Rules.Bench;

/// <summary>
/// The shipped rules/ folder: copied beside the build output, or found by walking up to the
/// repository when BenchmarkDotNet runs from a generated project elsewhere.
/// </summary>
public static class RulesFolder
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "rules");
            if (File.Exists(Path.Combine(candidate, RuleSet.FeesDocument)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No rules/ folder with " + RuleSet.FeesDocument + " above " + AppContext.BaseDirectory);
    }
}
