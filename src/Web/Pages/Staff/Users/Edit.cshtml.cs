using System.ComponentModel.DataAnnotations;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Identity.Sessions;
using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Users;

/// <summary>
/// A supervisor changes an account's name and roles, disables or enables it (disabled = locked out for good) and
/// resets its password. Each form posts to its own handler and binds only its own fields. A supervisor cannot
/// disable their own account or take away their own Supervisor role, so the department always keeps one.
/// </summary>
public sealed class EditModel(UserManager<StaffUser> users, SignInManager<StaffUser> signInManager, StaffIdentityDbContext db,
    StaffSessions sessions, TimeProvider time, ILogger<EditModel> logger) : PageModel
{
    public StaffUser Account { get; private set; } = new();

    public EditStaffAccountInput Input { get; private set; } = new();

    public ResetPasswordInput Reset { get; private set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsSelf => users.GetUserId(User) == Account.Id;

    public bool IsLockedOut => !Account.IsDisabled && Account.LockoutEnd > time.GetUtcNow();

    public string Status => StaffAccountRow.StatusOf(Account, time.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await FillInputFromAccountAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, [Bind(Prefix = nameof(Input))] EditStaffAccountInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await LoadAsync(id)) return NotFound();
        Input = input;
        var roles = StaffRoles.All.Where(input.Roles.Contains).ToList();
        if (roles.Count == 0) ModelState.AddModelError("Input.Roles", "Choose at least one role.");
        else if (IsSelf && !roles.Contains(StaffRoles.Supervisor))
            ModelState.AddModelError("Input.Roles", "You cannot take away your own Supervisor role; ask another supervisor.");
        if (input.ConcurrencyStamp != Account.ConcurrencyStamp)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "Someone else changed this account while you had it open. The form now shows their changes; make yours again.");
            await FillInputFromAccountAsync();
        }

        if (!ModelState.IsValid) return Page();

        var current = await users.GetRolesAsync(Account);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Account.DisplayName = input.DisplayName.Trim();
            Account.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
            var result = await users.UpdateAsync(Account);
            var removed = current.Except(roles).ToList();
            var added = roles.Except(current).ToList();
            if (result.Succeeded && removed.Count > 0) result = await users.RemoveFromRolesAsync(Account, removed);
            if (result.Succeeded && added.Count > 0) result = await users.AddToRolesAsync(Account, added);
            if (!result.Succeeded)
            {
                result.AddErrorsTo(ModelState, emailField: "Input.Email");
                return Page();
            }

            // A changed role takes effect now, on every node: the account's open sessions end with the change.
            if (removed.Count + added.Count > 0) await sessions.EndAllAsync(Account.Id);
            await transaction.CommitAsync();
            if (IsSelf && removed.Count + added.Count > 0) await signInManager.SignInAsync(Account, isPersistent: false);
        }

        logger.LogInformation("Staff account {UserName} saved by {Supervisor}: roles {Roles}", Account.UserName, User.Identity?.Name,
            string.Join(", ", roles));
        StatusMessage = "Name and roles saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (IsSelf)
        {
            ModelState.AddModelError("", "You cannot disable your own account.");
            await FillInputFromAccountAsync();
            return Page();
        }

        await users.SetLockoutEnabledAsync(Account, true);
        await users.SetLockoutEndDateAsync(Account, StaffUser.DisabledUntil);
        await users.UpdateSecurityStampAsync(Account);
        await sessions.EndAllAsync(Account.Id);
        logger.LogInformation("Staff account {UserName} disabled by {Supervisor}", Account.UserName, User.Identity?.Name);
        StatusMessage = $"Account {Account.UserName} disabled.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        logger.LogInformation("Staff account {UserName} enabled by {Supervisor}", Account.UserName, User.Identity?.Name);
        StatusMessage = $"Account {Account.UserName} enabled.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, [Bind(Prefix = nameof(Reset))] ResetPasswordInput reset)
    {
        ArgumentNullException.ThrowIfNull(reset);
        if (!await LoadAsync(id)) return NotFound();
        await FillInputFromAccountAsync();
        await users.ValidatePasswordAsync(Account, reset.NewPassword, ModelState, "Reset.NewPassword");
        if (!ModelState.IsValid) return Page();

        var token = await users.GeneratePasswordResetTokenAsync(Account);
        var result = await users.ResetPasswordAsync(Account, token, reset.NewPassword);
        if (!result.Succeeded)
        {
            result.AddErrorsTo(ModelState, passwordField: "Reset.NewPassword");
            return Page();
        }

        // Whoever knew the old password is signed out everywhere; a supervisor resetting their own keeps this session.
        await sessions.EndAllAsync(Account.Id);
        if (IsSelf) await signInManager.SignInAsync(Account, isPersistent: false);
        logger.LogInformation("Password of staff account {UserName} reset by {Supervisor}", Account.UserName, User.Identity?.Name);
        StatusMessage = $"Password of {Account.UserName} reset. Give the new password to them privately.";
        return RedirectToPage(new { id });
    }

    /// <summary>"true" for a field with errors, for aria-invalid; null (no attribute) otherwise.</summary>
    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;

    private async Task<bool> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        Account = user;
        return true;
    }

    private async Task FillInputFromAccountAsync()
    {
        Input = new EditStaffAccountInput
        {
            DisplayName = Account.DisplayName,
            Email = Account.Email,
            ConcurrencyStamp = Account.ConcurrencyStamp,
        };
        foreach (var role in await users.GetRolesAsync(Account)) Input.Roles.Add(role);
    }
}

public sealed class EditStaffAccountInput
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [SingleEmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org, or leave it empty.")]
    [Display(Name = "E-mail (optional)")]
    public string? Email { get; set; }

    public IList<string> Roles { get; } = [];

    /// <summary>The account's stamp when the form was shown: a change by someone else in between is not overwritten.</summary>
    public string? ConcurrencyStamp { get; set; }
}

public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "Enter the new password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";
}
