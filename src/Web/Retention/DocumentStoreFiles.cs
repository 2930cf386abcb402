using BackOffice.Web.Documents;
using BackOffice.Workflows.Retention;

namespace BackOffice.Web.Retention;

/// <summary>The retention policy deletes request documents' files from the app's document store.</summary>
public sealed class DocumentStoreFiles(DocumentStore store) : IStoredDocumentFiles
{
    public void Delete(string storageKey) => store.Delete(storageKey);
}
