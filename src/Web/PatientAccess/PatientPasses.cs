using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace BackOffice.Web.PatientAccess;

/// <summary>What a patient has proved, for how long, in this browser.</summary>
public enum PassKind
{
    /// <summary>Tracking number and date of birth matched: may see that one request's status and invoice.</summary>
    Status,
    /// <summary>A portal link's date of birth matched and a code was sent: may enter the code.</summary>
    PortalCode,
    /// <summary>The code was right: may download that link's package.</summary>
    PortalDownload,
}

/// <summary>
/// Short-lived proofs kept in protected cookies (encrypted and signed with the app's data-protection keys).
/// Each names one request or link and is sent only to that request's or link's pages (cookie path), so a
/// patient never sees anyone else's request and moves between the status and the invoice without re-entering.
/// The expiry is inside the protected value and checked against <see cref="TimeProvider"/>.
/// </summary>
public sealed class PatientPasses(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("BackOffice.PatientPass.v1");

    public void Give(HttpResponse response, PassKind kind, Guid subject, string path, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(response);
        var expires = time.GetUtcNow() + lifetime;
        var value = _protector.Protect($"{kind}|{subject:N}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        response.Cookies.Append(CookieName(kind), value, Options(response.HttpContext.Request, path, lifetime));
    }

    public bool Holds(HttpRequest request, PassKind kind, Guid subject)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName(kind), out var value) || string.IsNullOrEmpty(value)) return false;
        string plain;
        try
        {
            plain = _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        var parts = plain.Split('|');
        return parts.Length == 3
            && parts[0] == kind.ToString()
            && parts[1] == subject.ToString("N")
            && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(expires);
    }

    public void Withdraw(HttpResponse response, PassKind kind, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(CookieName(kind), Options(response.HttpContext.Request, path, TimeSpan.Zero));
    }

    private static string CookieName(PassKind kind) => "BackOffice." + kind;

    private static CookieOptions Options(HttpRequest request, string path, TimeSpan lifetime) => new()
    {
        Path = path,
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : null,
    };
}
