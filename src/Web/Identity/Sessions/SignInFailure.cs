namespace BackOffice.Web.Identity.Sessions;

/// <summary>One failed staff sign-in: counted per client address (throttling) and per account (lockout).</summary>
public sealed class SignInFailure
{
    public long Id { get; set; }

    /// <summary>The client address as the app saw it (after trusted forwarded headers).</summary>
    public string Address { get; set; } = "";

    /// <summary>The user name tried, upper-cased (it may not be an account).</summary>
    public string UserName { get; set; } = "";

    /// <summary>Unix milliseconds.</summary>
    public long At { get; set; }
}
