namespace BackOffice.Workflows.Retention;

/// <summary>The stored files of request documents, as the host keeps them (the web app: its document store).</summary>
public interface IStoredDocumentFiles
{
    /// <summary>Deletes the file stored under <paramref name="storageKey"/>; a file already gone is not an error.</summary>
    void Delete(string storageKey);
}
