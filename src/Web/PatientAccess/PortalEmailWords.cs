namespace BackOffice.Web.PatientAccess;

/// <summary>The portal e-mails' words (<c>PortalEmailWords.resx</c>, <c>PortalEmailWords.es.resx</c>).</summary>
public sealed class PortalEmailWords;
