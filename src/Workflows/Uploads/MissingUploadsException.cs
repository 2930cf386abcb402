namespace BackOffice.Workflows.Uploads;

/// <summary>
/// A request was to take over staged uploads that are no longer staged (replaced in the wizard, or deleted as
/// abandoned): nothing was saved. The keys are those missing.
/// </summary>
public sealed class MissingUploadsException : Exception
{
    public MissingUploadsException(IReadOnlyList<string> storageKeys)
        : base($"{storageKeys?.Count ?? 0} uploaded file(s) of the request are no longer kept.") => StorageKeys = storageKeys ?? [];

    public MissingUploadsException() : this([]) { }

    public MissingUploadsException(string message) : base(message) => StorageKeys = [];

    public MissingUploadsException(string message, Exception innerException) : base(message, innerException) => StorageKeys = [];

    public IReadOnlyList<string> StorageKeys { get; }
}
