using Microsoft.AspNetCore.Identity;

namespace BackOffice.Web.Identity;

/// <summary>A member of the records department's staff. Accounts are created by a supervisor; nobody registers.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name shown in the journal and on screens ("Dana Whitfield").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The lockout end that disables an account.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>
    /// Disabled by a supervisor: locked out until the end of time. Compared by year, because a database may keep
    /// less precision than <see cref="DateTimeOffset.MaxValue"/> has (PostgreSQL keeps microseconds).
    /// </summary>
    public bool IsDisabled => LockoutEnd is { Year: >= 9999 };
}
