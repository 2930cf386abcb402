namespace BackOffice.Web.EmailContent;

/// <summary>A message rendered from its templates.</summary>
public sealed record RenderedMessage(string Subject, string TextBody, string HtmlBody);
