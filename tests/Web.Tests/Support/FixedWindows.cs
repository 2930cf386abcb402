namespace BackOffice.Web.Tests.Support;

/// <summary>
/// The attempt limits count in fixed windows of the real clock (a minute for the fee estimate and the API keys). A test
/// that makes N + 1 calls and expects the last refused must not start just before a window ends: its calls would be
/// counted in two windows and the last one allowed.
/// </summary>
public static class FixedWindows
{
    /// <summary>Waits, when fewer than <paramref name="needed"/> are left of the current <paramref name="window"/>, for the next one.</summary>
    public static async Task AwayFromTheEndAsync(TimeSpan window, TimeSpan needed)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var left = window.TotalMilliseconds - now % (long)window.TotalMilliseconds;
        if (left < needed.TotalMilliseconds) await Task.Delay(TimeSpan.FromMilliseconds(left + 50));
    }
}
