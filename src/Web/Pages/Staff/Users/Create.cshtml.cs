using System.ComponentModel.DataAnnotations;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Users;

/// <summary>A supervisor creates a staff account with its roles and first password.</summary>
public sealed class CreateModel(UserManager<StaffUser> users, StaffIdentityDbContext db, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public CreateStaffAccountInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var roles = StaffRoles.All.Where(Input.Roles.Contains).ToList();
        if (roles.Count == 0) ModelState.AddModelError("Input.Roles", "Choose at least one role.");
        var user = new StaffUser
        {
            UserName = Input.UserName?.Trim(),
            DisplayName = Input.DisplayName?.Trim() ?? "",
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            LockoutEnabled = true,
        };
        await users.ValidatePasswordAsync(user, Input.Password, ModelState, "Input.Password");
        if (!ModelState.IsValid) return Page();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var result = await users.CreateAsync(user, Input.Password);
            if (result.Succeeded) result = await users.AddToRolesAsync(user, roles);
            if (!result.Succeeded)
            {
                result.AddErrorsTo(ModelState, "Input.UserName", "Input.Password", "Input.Email");
                return Page();
            }

            await transaction.CommitAsync();
        }

        logger.LogInformation("Staff account {UserName} created with roles {Roles} by {Supervisor}",
            user.UserName, string.Join(", ", roles), User.Identity?.Name);
        TempData["StatusMessage"] = $"Account {user.UserName} created with the roles {string.Join(", ", roles.Select(Labels.PlainWords.Role))}.";
        return RedirectToPage("Index");
    }

    /// <summary>"true" for a field with errors, for aria-invalid; null (no attribute) otherwise.</summary>
    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;
}

public sealed class CreateStaffAccountInput
{
    [Required(ErrorMessage = "Enter a user name.")]
    [StringLength(64, ErrorMessage = "A user name has at most 64 characters.")]
    [Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [SingleEmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org, or leave it empty.")]
    [Display(Name = "E-mail (optional)")]
    public string? Email { get; set; }

    public IList<string> Roles { get; } = [];

    [Required(ErrorMessage = "Enter a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";
}
