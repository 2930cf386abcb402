namespace BackOffice.Workflows.Requests;

public enum DocumentKind
{
    PhotoId,
    AuthorizationScan,
    Supporting,
    ReleasePackage,
    /// <summary>Made by the app: invoice, cover letter, notices and letters (named by its file).</summary>
    Generated,
}
