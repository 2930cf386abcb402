namespace BackOffice.Web.Identity.Sessions;

/// <summary>
/// Limits on failed staff sign-ins (<c>BackOffice:SignIn</c>). A client address is slowed first, so guessing from one
/// place never locks anyone out; an account is locked only when failures for it come from several addresses.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "BackOffice:SignIn";

    /// <summary>Failures from one address within <see cref="Window"/> after which it must wait (default 5).</summary>
    public int FailuresPerAddress { get; set; } = 5;

    /// <summary>Failures from one address within a day after which it waits until the day's first one is a day old (default 20).</summary>
    public int FailuresPerAddressPerDay { get; set; } = 20;

    /// <summary>Failures for one account within <see cref="Window"/>, from at least <see cref="AddressesToLock"/> addresses, that lock it.</summary>
    public int FailuresToLock { get; set; } = 10;

    public int AddressesToLock { get; set; } = 2;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);
}
