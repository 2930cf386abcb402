namespace BackOffice.Web.EmailContent;

/// <summary>The sentences requester messages get from the app rather than from a template (<c>MessageWords.resx</c>,
/// <c>MessageWords.es.resx</c>): review rights, the withheld-records notice, fallbacks.</summary>
public sealed class MessageWords;
