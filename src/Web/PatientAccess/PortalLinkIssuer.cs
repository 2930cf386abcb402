using BackOffice.Web.EmailTransport;
using BackOffice.Web.Localization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Portal;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.PatientAccess;

public enum PortalIssue
{
    Sent,
    /// <summary>The request is no longer waiting on the portal (downloaded, cancelled, expired).</summary>
    NotPublished,
    NoEmailAddress,
}

/// <summary>
/// Issues a portal link for a request that was published to the portal: a grant in the database (the token's
/// hash only) and the "records available" e-mail carrying the token. The grant is saved before the e-mail goes,
/// so a racing second sender trips the unique outbox index and sends nothing. If the e-mail fails, the same grant
/// gets a new token on the next try: the token of a mail never sent is never usable.
/// </summary>
public sealed class PortalLinkIssuer(
    BackOfficeDbContext db, IEmailSender email, IOptions<PortalOptions> portal, IOptions<SiteOptions> site, LocalizedSite sites,
    IStringLocalizer<PortalEmailWords> words, DepartmentClock clock)
{
    public Task<PortalIssue> IssueAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        IssueAsync(requestId, outboxMessageId: null, cancellationToken);

    public async Task<PortalIssue> IssueAsync(Guid requestId, Guid? outboxMessageId, CancellationToken cancellationToken = default)
    {
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
        if (request.State != PortalDownloadRecorder.PublishedState) return PortalIssue.NotPublished;
        var to = PortalEmails.AddressFor(request);
        if (to is null) return PortalIssue.NoEmailAddress;

        var now = clock.Now;
        var token = PortalSecrets.NewToken();
        var grant = outboxMessageId is null
            ? null
            : await db.PortalGrants.SingleOrDefaultAsync(g => g.OutboxMessageId == outboxMessageId, cancellationToken);
        if (grant is not null)
        {
            grant.ReplaceToken(token);
        }
        else
        {
            // A newer link replaces any older one still open for this request.
            var older = await db.PortalGrants.Where(g => g.RequestId == requestId).ToListAsync(cancellationToken);
            foreach (var open in older.Where(g => g.IsOpen(now))) open.Revoke(now);
            grant = PortalGrant.Issue(requestId, outboxMessageId, token, now, TimeSpan.FromDays(portal.Value.LinkDays));
            db.PortalGrants.Add(grant);
        }

        await db.SaveChangesAsync(cancellationToken);
        var link = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/portal/{token}";
        var language = MessageLanguage.ForRecipient(request);
        OutgoingEmail message;
        using (SiteLanguages.Use(language))
            message = PortalEmails.RecordsAvailable(to, link, clock.Written(grant.ExpiresAt), sites.For(language), words);
        await email.SendAsync(message, cancellationToken);
        return PortalIssue.Sent;
    }
}
