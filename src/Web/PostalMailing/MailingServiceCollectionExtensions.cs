namespace BackOffice.Web.PostalMailing;

public static class MailingServiceCollectionExtensions
{
    public static IServiceCollection AddMailingBatch(this IServiceCollection services)
    {
        services.AddSingleton<MailingBatchStore>();
        services.AddScoped<MailingBatchService>();
        return services;
    }
}
