using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace BackOffice.Web.Pages.Request;

/// <summary>What the confirmation page shows; also what a repeated submission gets back.</summary>
public sealed record RequestReceipt(string TrackingNumber, DateOnly DueOn, DeliveryMethod Delivery, RequestKind Kind)
{
    /// <summary>The request's id, for staff pages; not kept in the browser's receipt cookie.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid RequestId { get; init; }
}

/// <summary>
/// Keeps the wizard's answers between steps and the confirmation after it, in cookies the browser cannot read or change:
/// JSON encrypted and signed with the app's data-protection keys, HttpOnly, sent only to /request pages, at most
/// <see cref="MaxStateBytes"/> and forgotten after <see cref="IdleLimit"/> without a step. Nothing is in local storage
/// and nothing is written to the server's disk before the request is sent (uploads excepted).
/// </summary>
public sealed class WizardStore(IDataProtectionProvider protection, TimeProvider time)
{
    public const int MaxStateBytes = 16 * 1024;
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(2);
    public static readonly TimeSpan ReceiptLimit = TimeSpan.FromHours(12);
    private const string StateCookie = "BackOffice.Request";
    private const string ReceiptCookie = "BackOffice.RequestReceipt";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _state = protection.CreateProtector("BackOffice.Web.PatientRequest.State.v2");
    private readonly IDataProtector _receipt = protection.CreateProtector("BackOffice.Web.PatientRequest.Receipt.v1");
    private readonly ChunkingCookieManager _cookies = new();

    /// <summary>The answers so far; null when there are none, they were tampered with, or they are too old.</summary>
    public RequestWizardState? Load(HttpContext http)
    {
        var state = Read<RequestWizardState>(http, StateCookie, _state);
        return state is not null && time.GetUtcNow() - state.UpdatedAt <= IdleLimit ? state : null;
    }

    /// <summary>Stores the answers; false (nothing stored) when they are larger than <see cref="MaxStateBytes"/>.</summary>
    public bool Save(HttpContext http, RequestWizardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.UpdatedAt = time.GetUtcNow();
        var json = JsonSerializer.SerializeToUtf8Bytes(state, Json);
        if (json.Length > MaxStateBytes) return false;
        _cookies.AppendResponseCookie(http, StateCookie, Convert.ToBase64String(_state.Protect(json)), Options(http));
        return true;
    }

    public void Clear(HttpContext http) => _cookies.DeleteCookie(http, StateCookie, Options(http));

    public RequestReceipt? LoadReceipt(HttpContext http) =>
        Read<StampedReceipt>(http, ReceiptCookie, _receipt) is { } stamped && time.GetUtcNow() - stamped.IssuedAt <= ReceiptLimit
            ? stamped.Receipt
            : null;

    public void SaveReceipt(HttpContext http, RequestReceipt receipt)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new StampedReceipt(receipt, time.GetUtcNow()), Json);
        _cookies.AppendResponseCookie(http, ReceiptCookie, Convert.ToBase64String(_receipt.Protect(json)), Options(http));
    }

    private T? Read<T>(HttpContext http, string cookie, IDataProtector protector) where T : class
    {
        var value = _cookies.GetRequestCookie(http, cookie);
        if (string.IsNullOrEmpty(value) || value.Length > MaxStateBytes * 2) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(Convert.FromBase64String(value)), Json);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = RequestSteps.StartPath,
        IsEssential = true,
    };

    private sealed record StampedReceipt(RequestReceipt Receipt, DateTimeOffset IssuedAt);
}
