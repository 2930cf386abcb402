using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Account;

/// <summary>Signing out is a POST (with the antiforgery token); a GET only shows the button.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StaffUser> signInManager, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            logger.LogInformation("Staff sign-out by {UserName}", User.Identity.Name);
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("/Account/SignOut");
    }
}
