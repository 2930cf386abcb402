namespace BackOffice.Web.Commands;

/// <summary>
/// Where a command verb finds the app's files (appsettings.json, lifecycle definitions, rules, and the default data
/// directory under it). ASP.NET Core takes the working directory as the content root, so
/// <c>dotnet /srv/backoffice/BackOffice.Web.dll backup …</c> typed in an administrator's home directory would run without
/// the app's appsettings.json — and with a data directory of its own there, an empty database instead of the app's. A
/// command therefore runs from the app's own folder when the working directory is not an app folder (no appsettings.json)
/// and none was named with <c>--contentRoot</c>. The web server itself keeps the usual rule (its service sets the working
/// directory).
/// </summary>
public static class CommandContentRoot
{
    private const string Settings = "appsettings.json";

    /// <summary>The content root for a command, or null for ASP.NET Core's default (the working directory).</summary>
    public static string? For(IReadOnlyList<string> hostArguments, string workingDirectory, string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(hostArguments);
        if (hostArguments.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))) return null;
        if (File.Exists(Path.Combine(workingDirectory, Settings))) return null;
        return File.Exists(Path.Combine(appDirectory, Settings)) ? appDirectory : null;
    }
}
