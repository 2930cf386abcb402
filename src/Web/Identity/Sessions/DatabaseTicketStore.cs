using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity.Sessions;

/// <summary>
/// Keeps staff sign-in tickets in the shared database (<see cref="StaffSession"/>): the cookie holds a random key only.
/// Removing the row — sign-out, a password reset, a role change, disabling the account — ends the session on every
/// node at once; a replayed cookie then finds nothing and is treated as signed out.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("BackOffice.Web.Identity.Sessions.Ticket.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
        db.Sessions.Add(new StaffSession
        {
            KeyHash = Hash(key),
            UserId = UserIdOf(ticket),
            Ticket = Protect(ticket),
            CreatedAt = now.ToUnixTimeMilliseconds(),
            ExpiresAt = ExpiryOf(ticket, now),
        });
        // Sessions that ran out are swept as new ones start: the table holds the open ones and a few stale ones.
        await db.Sessions.Where(s => s.ExpiresAt < now.ToUnixTimeMilliseconds()).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = time.GetUtcNow();
        var protectedTicket = Protect(ticket);
        var expires = ExpiryOf(ticket, now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
        // Only a session that still exists is renewed: one ended meanwhile stays ended.
        await db.Sessions.Where(s => s.KeyHash == Hash(key))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, protectedTicket).SetProperty(s => s.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
        var hash = Hash(key);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.KeyHash == hash);
        if (session is null || session.ExpiresAt < time.GetUtcNow().ToUnixTimeMilliseconds()) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            return null; // the key ring lost the key: the person signs in again
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
        var hash = Hash(key);
        await db.Sessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static long ExpiryOf(AuthenticationTicket ticket, DateTimeOffset now) =>
        (ticket.Properties.ExpiresUtc ?? now.AddHours(12)).ToUnixTimeMilliseconds();

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
