namespace BackOffice.Web.Identity;

public sealed record DemoAccount(string UserName, string DisplayName, string Role);
