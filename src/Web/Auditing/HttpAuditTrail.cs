using System.Security.Claims;
using BackOffice.Workflows.Auditing;

namespace BackOffice.Web.Auditing;

/// <summary>
/// Records who did what with which request, from which address, in its own write (not the page's unit of work), so a
/// refused or failed action is still on record; the call returns once the row is durable (<see cref="AuditWriter"/>
/// commits the rows of concurrent callers together).
/// </summary>
public sealed class HttpAuditTrail(IHttpContextAccessor http, AuditWriter writer, TimeProvider time) : IAuditTrail
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
        await writer.WriteAsync(entry, cancellationToken);
    }
}

public static class AuditingServiceCollectionExtensions
{
    public static IServiceCollection AddHttpAuditTrail(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IAuditTrail, HttpAuditTrail>();
        return services;
    }
}
