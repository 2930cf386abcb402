using BackOffice.Web.Documents;

namespace BackOffice.Web.Pages.Request;

public static class PatientRequestServices
{
    /// <summary>The online request: its document store (uploads), where its answers are kept between steps, what makes
    /// sending it idempotent, and the record and limits of its uploads.</summary>
    public static IServiceCollection AddPatientRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration);
        services.AddSingleton<WizardStore>();
        services.AddScoped<SubmittedForms>();
        services.AddScoped<WizardUploads>();
        return services;
    }
}
