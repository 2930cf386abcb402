using BackOffice.Web.PostalMailing;

namespace BackOffice.Web.Pdf.Documents;

public static class RequestDocumentsServiceCollectionExtensions
{
    /// <summary>The request documents (invoice and letters) and the daily mailing batch that prints them.</summary>
    public static IServiceCollection AddRequestDocuments(this IServiceCollection services)
    {
        services.AddSingleton<LetterWords>();
        services.AddScoped<IRequestDocumentRenderer, RequestDocumentRenderer>();
        services.AddMailingBatch();
        return services;
    }
}
