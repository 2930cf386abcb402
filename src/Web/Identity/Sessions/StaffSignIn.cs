using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Identity.Sessions;

/// <summary>
/// Staff sign-in that leaks nothing: an unknown user name, a wrong password, a locked or a disabled account all take a
/// password hash's time and give the same answer. Failures are throttled per client address before any account is
/// locked (<see cref="SignInThrottle"/>), so nobody locks a colleague out by guessing from one place.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signInManager, SignInThrottle throttle, IPasswordHasher<StaffUser> hasher,
    IOptions<SignInThrottleOptions> limits, TimeProvider time, ILogger<StaffSignIn> logger)
{
    // Verified against when there is no password to check, so every failure costs one hash.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (await throttle.WaitForAsync(address, cancellationToken) is { } wait)
        {
            logger.LogWarning("Staff sign-in refused from {RemoteAddress}: too many failures from there; {Seconds} s to wait", address, (int)wait.TotalSeconds);
            return SignInOutcome.Throttled(wait);
        }

        var users = signInManager.UserManager;
        var user = await users.FindByNameAsync(userName);
        string? why;
        if (user is null)
        {
            hasher.VerifyHashedPassword(new StaffUser(), DummyHash.Value, password);
            why = "no such user";
        }
        else if (user.IsDisabled || await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            hasher.VerifyHashedPassword(user, DummyHash.Value, password);
            why = user.IsDisabled ? "account disabled" : "account locked or not allowed";
        }
        else if (await users.CheckPasswordAsync(user, password))
        {
            await throttle.ForgetAccountAsync(userName, cancellationToken);
            await users.ResetAccessFailedCountAsync(user);
            await signInManager.SignInAsync(user, isPersistent: false);
            logger.LogInformation("Staff sign-in succeeded for {UserName} from {RemoteAddress}", userName, address);
            return SignInOutcome.Success;
        }
        else
        {
            why = "wrong password";
        }

        var lockAccount = await throttle.RecordFailureAsync(address, userName, cancellationToken);
        if (lockAccount && user is { IsDisabled: false })
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, time.GetUtcNow() + limits.Value.Lockout);
            why += "; account now locked: failures from several addresses";
        }

        logger.LogWarning("Staff sign-in failed for {UserName} from {RemoteAddress}: {Reason}", userName, address, why);
        return SignInOutcome.Failure;
    }
}
