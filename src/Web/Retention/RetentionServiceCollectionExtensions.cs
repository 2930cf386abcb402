using BackOffice.Web.Jobs;
using BackOffice.Workflows.Retention;

namespace BackOffice.Web.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// The retention policy's daily job and its access to the stored files. The policy itself
    /// (<c>BackOffice:Retention</c>, <see cref="RetentionOptions"/>) is read with the other Workflows settings and checked when
    /// they are registered, so a period shorter than the law allows stops the app before it starts.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddScoped<IStoredDocumentFiles, DocumentStoreFiles>();
        services.AddScoped<IRetentionFileSweep, PostalMailing.MailingBatchRetention>();
        services.AddScoped<RetentionJob>();
        return services;
    }
}
