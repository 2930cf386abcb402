using BackOffice.Web.EmailTransport;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>How the form reads typed text: trimmed, and empty as "not given".</summary>
public static class FormText
{
    public static string Text(string? value) => value?.Trim() ?? "";

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>True for exactly one e-mail address we can send to (<see cref="EmailAddressCheck"/>).</summary>
    public static bool IsEmail(string? value) => EmailAddressCheck.IsSingleAddress(value);

    /// <summary>True for an answer left empty or an e-mail address that can be used.</summary>
    public static bool IsEmailOrBlank(string? value) => string.IsNullOrWhiteSpace(value) || IsEmail(value);
}
