namespace BackOffice.Web.Identity;

/// <summary>Configuration <c>BackOffice:Demo</c>: the accounts seeded into an empty user store.</summary>
public sealed class DemoAccountsOptions
{
    public const string Section = "BackOffice:Demo";

    /// <summary>Seed one account per role when no account exists. Turn off in production.</summary>
    public bool SeedAccounts { get; set; } = true;

    /// <summary>With the demo accounts, walk a handful of made-up requests into several states on the first start of an
    /// empty request store.</summary>
    public bool SeedRequests { get; set; } = true;

    /// <summary>The password of every demo account; when empty a strong one is generated and logged once.</summary>
    public string? Password { get; set; }
}
