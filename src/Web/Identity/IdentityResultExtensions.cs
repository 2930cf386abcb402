using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BackOffice.Web.Identity;

internal static class IdentityResultExtensions
{
    /// <summary>
    /// Puts Identity's errors next to the field they are about (one message per field, so the whole reason shows
    /// beside it); errors about no field go to the summary only.
    /// </summary>
    public static void AddErrorsTo(this IdentityResult result, ModelStateDictionary modelState,
        string? userNameField = null, string? passwordField = null, string? emailField = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var group in result.Errors.GroupBy(e => FieldFor(e.Code, userNameField, passwordField, emailField)))
        {
            modelState.AddModelError(group.Key, string.Join(" ", group.Select(e => e.Description)));
        }
    }

    /// <summary>
    /// Checks a new password against the password rules while the rest of the form is validated, so every problem
    /// shows at once (Identity itself checks only when the account is saved).
    /// </summary>
    public static async Task ValidatePasswordAsync(this UserManager<StaffUser> users, StaffUser user, string? password,
        ModelStateDictionary modelState, string passwordField)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrEmpty(password)) return;
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) errors.AddRange(result.Errors);
        }

        if (errors.Count > 0) IdentityResult.Failed([.. errors]).AddErrorsTo(modelState, passwordField: passwordField);
    }

    private static string FieldFor(string code, string? userName, string? password, string? email) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => password ?? "",
        "DuplicateUserName" or "InvalidUserName" => userName ?? "",
        "DuplicateEmail" or "InvalidEmail" => email ?? "",
        _ => "",
    };
}
