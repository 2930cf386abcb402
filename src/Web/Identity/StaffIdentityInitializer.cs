using BackOffice.Web.Encryption;
using BackOffice.Workflows;
using BackOffice.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity;

/// <summary>
/// Start-up work for staff accounts, after the request store's: apply the identity migrations, make sure the roles
/// exist, and seed the demo accounts into an empty user store (unless <c>BackOffice:Demo:SeedAccounts</c> is false).
/// </summary>
public sealed class StaffIdentityInitializer(StaffIdentityDbContext db, UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles, DemoAccountsOptions demo, WorkflowsOptions workflows, ILogger<StaffIdentityInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await db.MigrateKnownAsync(cancellationToken);
        // Before anything reads the key ring (it is cached once read): the keys of a version that kept them on disk.
        var imported = await DataProtectionKeyRows.ImportFilesAsync(db, Path.Combine(workflows.Database.DataDirectory, "keys"), cancellationToken);
        if (imported > 0) logger.LogWarning("Imported {Keys} Data Protection keys from the data directory into the database", imported);
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Ensure(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
        }

        if (await users.Users.AnyAsync(cancellationToken)) return;
        if (!demo.SeedAccounts)
        {
            logger.LogWarning("There are no staff accounts and demo accounts are turned off (BackOffice:Demo:SeedAccounts = false)");
            return;
        }

        await SeedDemoAccountsAsync(cancellationToken);
    }

    private async Task SeedDemoAccountsAsync(CancellationToken cancellationToken)
    {
        var configured = !string.IsNullOrEmpty(demo.Password);
        var password = configured ? demo.Password! : DemoAccounts.GeneratePassword();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var account in DemoAccounts.All)
            {
                var user = new StaffUser { UserName = account.UserName, DisplayName = account.DisplayName, LockoutEnabled = true };
                Ensure(await users.CreateAsync(user, password),
                    $"demo account '{account.UserName}'" + (configured ? " with the password from BackOffice:Demo:Password" : ""));
                Ensure(await users.AddToRoleAsync(user, account.Role), $"role {account.Role} for '{account.UserName}'");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var names = string.Join(", ", DemoAccounts.All.Select(a => $"{a.UserName} ({a.Role})"));
        // Shown once, when the accounts are created; a configured password is not repeated into the log.
        logger.LogWarning(
            "Demo staff accounts created: {Accounts}. Password for each: {Password}. Sign in at /Account/SignIn; set BackOffice:Demo:SeedAccounts=false in production",
            names, configured ? "the one set in BackOffice:Demo:Password" : password);
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
