using BackOffice.Web.EmailTransport;
using BackOffice.Workflows.Portal;

namespace BackOffice.Web.PatientAccess;

public static class PatientAccessServiceCollectionExtensions
{
    /// <summary>
    /// The patient side: status lookups and the secure download portal, their e-mail, and the handler the outbox
    /// dispatcher (Jobs) uses to send portal links. The attempt limits are registered with the other rate limits.
    /// </summary>
    public static IServiceCollection AddPatientAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.AddEmail(configuration);
        services.AddSingleton<PatientPasses>();
        services.AddScoped<PortalAccess>();
        services.AddScoped<PortalLinkIssuer>();
        services.AddScoped<PortalOutboxHandler>();
        services.AddScoped<PortalDownloadRecorder>();
        return services;
    }
}
