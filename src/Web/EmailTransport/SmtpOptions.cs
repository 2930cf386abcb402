using MailKit.Security;

namespace BackOffice.Web.EmailTransport;

/// <summary>
/// Outgoing mail (<c>BackOffice:Smtp</c>). Without a <see cref="Host"/> nothing is sent over the network and each
/// message is written to <c>&lt;data directory&gt;/mail/</c> instead.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "BackOffice:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, Auto, SslOnConnect (port 465), StartTls (required, the default) or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender, with or without a display name: <c>Medical Records &lt;records@example.org&gt;</c>.</summary>
    public string From { get; set; } = "Medical Records <records@localhost>";
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Messages carrying records require TLS (true, the default). Only for a test server that cannot offer it (an
    /// in-process SMTP server); never turn it off against a real server.
    /// </summary>
    public bool RequireTlsForRecords { get; set; } = true;

    /// <summary>
    /// The SHA-256 thumbprint (hex) of the mail server's certificate, to trust a server whose certificate is not issued by
    /// a public authority (a department's own relay). Unset: the usual certificate chain check.
    /// </summary>
    public string? CertificateThumbprint { get; set; }
}
