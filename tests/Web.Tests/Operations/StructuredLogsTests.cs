using System.Text.Json;
using BackOffice.Web.Tests.Nodes;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Operations;

/// <summary>
/// Structured logs for a log collector: <c>Logging:Console:FormatterName=json</c> (ASP.NET Core's own JSON console
/// formatter) makes the console one JSON object a line — the built app started as an operator would, with the setting in
/// its environment.
/// </summary>
public sealed class StructuredLogsTests
{
    [Fact]
    public async Task TheJsonFormatter_ChosenByConfiguration_WritesEveryConsoleLineAsAJsonObject()
    {
        var data = Path.Combine(Path.GetTempPath(), "backoffice-json-logs", Guid.NewGuid().ToString("N"));
        var port = NodeProcess.FreePort();
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        try
        {
            await using (var node = NodeProcess.Start("json-logs", port, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["BackOffice__DataDirectory"] = data,
                ["BackOffice__Encryption__KeyFile"] = TestEncryption.KeyFile,
                ["BackOffice__Http__RequireHttps"] = "false",
                ["BackOffice__Site__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
                ["BackOffice__Demo__SeedAccounts"] = "false",
                ["BackOffice__Jobs__RunServer"] = "false",
                ["Logging__Console__FormatterName"] = "json",
            }, data + ".log"))
            {
                await node.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
                var lines = node.Lines.Where(line => line.Length > 0).ToList();

                lines.ShouldNotBeEmpty();
                var entries = lines.Select(line => (Line: line, Entry: Read(line))).ToList();
                entries.Where(e => e.Entry is null).Select(e => e.Line).ShouldBeEmpty("every line is a JSON object with a level and a category");
                entries.ShouldContain(e => e.Entry!.Category == "Microsoft.Hosting.Lifetime" && e.Entry.Message.StartsWith("Now listening on", StringComparison.Ordinal));
                // Structured values travel as fields of their own, not only inside the message.
                entries.ShouldContain(e => e.Entry!.Structured);
            }
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
            File.Delete(data + ".log");
        }
    }

    private sealed record LogEntry(string LogLevel, string Category, string Message, bool Structured);

    /// <summary>The line as the JSON formatter writes an entry, or null when it is not one.</summary>
    private static LogEntry? Read(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var entry = document.RootElement;
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("LogLevel", out var level) || !entry.TryGetProperty("Category", out var category)) return null;
            var structured = entry.TryGetProperty("State", out var state) && state.TryGetProperty("{OriginalFormat}", out _);
            return new LogEntry(level.GetString() ?? "", category.GetString() ?? "",
                entry.TryGetProperty("Message", out var message) ? message.GetString() ?? "" : "", structured);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
