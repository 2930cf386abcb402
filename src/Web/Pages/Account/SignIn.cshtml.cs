using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Identity.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(StaffSignIn signIn) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Where to go after signing in: the page that asked for it, else the staff home.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    /// <summary>The one answer to every failed sign-in, whatever the reason (the log records the reason).</summary>
    public const string FailedMessage =
        "The user name or password is not correct, or this account cannot sign in now. Check them and try again; if it still fails, ask a supervisor.";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var outcome = await signIn.SignInAsync(Input.UserName.Trim(), Input.Password, address, HttpContext.RequestAborted);
        if (outcome.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Staff");

        if (outcome.RetryAfter is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RateLimits.SetRetryAfter(Response, wait);
            ModelState.AddModelError("", $"Too many failed sign-ins from this network. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}, or ask a supervisor.");
        }
        else
        {
            ModelState.AddModelError("", FailedMessage);
        }

        return Page();
    }

    /// <summary>"true" for a field with errors, for aria-invalid; null (no attribute) otherwise.</summary>
    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    [Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";
}
