namespace BackOffice.Web.AuthorizationForm;

/// <summary>When and from where the person signed online, recorded by the server when the request is sent.</summary>
public sealed record SigningFacts(DateTimeOffset At, string? IpAddress);
