using BackOffice.Rules;

namespace BackOffice.Web;

/// <summary>
/// Picks up rule sets published by another node (several web nodes share one PostgreSQL database) and
/// a newly effective version when its date arrives: each node re-reads the published versions periodically.
/// </summary>
public sealed class RuleSetRefreshService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RuleSetRefreshService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("BackOffice:Rules:RefreshSeconds", 60)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RuleSetAdministration>().RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not refresh the published rule sets; the ones loaded stay in force.");
            }
        }
    }
}
