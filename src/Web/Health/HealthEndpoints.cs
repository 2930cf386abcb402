using BackOffice.Workflows.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace BackOffice.Web.Health;

/// <summary>
/// Three health endpoints: <c>/health</c> as before (the database), <c>/health/live</c> for an orchestrator's liveness
/// probe (the process answers; no dependency is asked, so a database outage does not get every node restarted) and
/// <c>/health/ready</c> for its readiness probe (database, job storage, the files directory written, the key opening the
/// stored files). Each answers JSON with the status of each check and 503 when any is unhealthy, never an exception.
/// </summary>
public static class HealthEndpoints
{
    private const string Database = "database";
    private const string Ready = "ready";

    public static IServiceCollection AddBackOfficeHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<BackOfficeDbContext>(Database, tags: [Ready])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: [Ready])
            .AddCheck<DocumentStoreHealthCheck>("files", tags: [Ready])
            .AddCheck<KeyMaterialHealthCheck>("keys", tags: [Ready]);
        return services;
    }

    public static void MapBackOfficeHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name == Database, ResponseWriter = HealthResponse.WriteAsync });
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = HealthResponse.WriteAsync });
    }
}
