namespace BackOffice.Web.Documents;

public static class DocumentServiceCollectionExtensions
{
    /// <summary>The <see cref="DocumentStore"/> and its limits (<c>BackOffice:Documents</c>).</summary>
    public static IServiceCollection AddDocumentStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<DocumentStore>();
        return services;
    }
}
