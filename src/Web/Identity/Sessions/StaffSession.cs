namespace BackOffice.Web.Identity.Sessions;

/// <summary>
/// A signed-in staff session, kept in the database every node shares: the cookie carries only a random key, so
/// signing out (or a password or role change) ends the session everywhere, and a copied cookie is worth nothing after.
/// </summary>
public sealed class StaffSession
{
    /// <summary>SHA-256 of the key in the cookie (hex): a copy of this table does not yield working cookies.</summary>
    public string KeyHash { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The authentication ticket, serialized and protected with Data Protection.</summary>
    public byte[] Ticket { get; set; } = [];

    /// <summary>Unix milliseconds (stored as numbers so every provider compares them alike).</summary>
    public long CreatedAt { get; set; }

    /// <summary>When the session ends unless renewed (the cookie's sliding expiry), Unix milliseconds.</summary>
    public long ExpiresAt { get; set; }
}
