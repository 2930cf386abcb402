using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<StaffUser> signInManager, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>Where to go after signing in: the page that asked for it, else the staff home.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var userName = Input.UserName.Trim();
        var result = await signInManager.PasswordSignInAsync(userName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        var from = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (result.Succeeded)
        {
            logger.LogInformation("Staff sign-in succeeded for {UserName} from {RemoteAddress}", userName, from);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Staff");
        }

        if (result.IsLockedOut)
        {
            var user = await signInManager.UserManager.FindByNameAsync(userName);
            var disabled = user?.IsDisabled == true;
            logger.LogWarning("Staff sign-in refused for {UserName} from {RemoteAddress}: account {Reason}",
                userName, from, disabled ? "disabled" : "locked out");
            ModelState.AddModelError("", disabled
                ? "This account is disabled. Ask a supervisor if you need it again."
                : $"Too many failed attempts: this account is locked for {StaffIdentityExtensions.LockoutDuration.TotalMinutes:0} minutes. Try again later, or ask a supervisor to unlock it.");
        }
        else
        {
            logger.LogWarning("Staff sign-in failed for {UserName} from {RemoteAddress}: {Reason}", userName, from,
                result.IsNotAllowed ? "not allowed" : "wrong user name or password");
            ModelState.AddModelError("", "The user name or password is not correct.");
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
