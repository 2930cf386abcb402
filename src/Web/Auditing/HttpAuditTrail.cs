using System.Security.Claims;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;

namespace BackOffice.Web.Auditing;

/// <summary>
/// Records who did what with which request, from which address, in its own small write so a refused
/// or failed action is still on record.
/// </summary>
public sealed class HttpAuditTrail(IHttpContextAccessor http, IServiceScopeFactory scopes, TimeProvider time) : IAuditTrail
{
    public async Task RecordAsync(string action, Guid? requestId, string? subject = null, string? outcome = null,
        CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var entry = AuditEntry.Record(
            time.GetUtcNow(),
            user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
            user?.Identity?.Name ?? "anonymous",
            action,
            requestId,
            subject,
            outcome,
            context?.Connection.RemoteIpAddress?.ToString());
        // A separate scope: the page's own context may hold changes that failed and must not be saved with this.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        db.Audit.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class AuditingServiceCollectionExtensions
{
    public static IServiceCollection AddHttpAuditTrail(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuditTrail, HttpAuditTrail>();
        return services;
    }
}
