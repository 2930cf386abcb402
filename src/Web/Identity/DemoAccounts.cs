using System.Security.Cryptography;

namespace BackOffice.Web.Identity;

/// <summary>The demo accounts: one per role, and a second clerk because quality review needs a second person.</summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("clerk", "Demo Clerk", StaffRoles.Clerk),
        new("reviewer", "Demo Reviewer", StaffRoles.Clerk),
        new("rulesadmin", "Demo Rules Admin", StaffRoles.RulesAdmin),
        new("supervisor", "Demo Supervisor", StaffRoles.Supervisor),
    ];

    // No look-alikes (0/O, 1/l/I), so the password can be read off a console and typed.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Four groups of four joined by dashes (about 93 random bits), meeting the password rules.</summary>
    public static string GeneratePassword()
    {
        while (true)
        {
            var password = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit) && password.Distinct().Count() >= 8)
                return password;
        }
    }
}
