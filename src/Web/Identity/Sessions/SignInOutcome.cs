namespace BackOffice.Web.Identity.Sessions;

/// <summary>What a staff sign-in attempt came to. Failures say nothing of why: the log says that, the person does not.</summary>
public sealed record SignInOutcome(bool Succeeded, TimeSpan? RetryAfter)
{
    public static readonly SignInOutcome Success = new(true, null);
    public static readonly SignInOutcome Failure = new(false, null);

    public static SignInOutcome Throttled(TimeSpan wait) => new(false, wait);
}
