using BackOffice.Web.EmailTransport;
using BackOffice.Web.Localization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Portal;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.PatientAccess;

/// <summary>An open link: its grant (tracked, so changes save) and its request with the package to serve.</summary>
public sealed record PortalLink(PortalGrant Grant, RecordsRequest Request, RequestDocument Package);

/// <summary>The steps of a portal download: open the link, match the date of birth, send and check the code.</summary>
public sealed class PortalAccess(
    BackOfficeDbContext db, IEmailSender email, IOptions<PortalOptions> portal, LocalizedSite sites, IStringLocalizer<PortalEmailWords> words,
    TimeProvider time)
{
    public PortalOptions Options => portal.Value;

    /// <summary>The link's grant when the link is open and its request still has a package to serve; else null.</summary>
    public async Task<PortalLink?> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!LooksLikeToken(token)) return null;
        var hash = PortalSecrets.HashToken(token);
        var grant = await db.PortalGrants.SingleOrDefaultAsync(g => g.TokenHash == hash, cancellationToken);
        if (grant is null || !grant.IsOpen(time.GetUtcNow())) return null;
        var request = await db.Requests.Include(r => r.Documents).AsSplitQuery()
            .SingleAsync(r => r.Id == grant.RequestId, cancellationToken);
        var package = request.Documents.Where(d => d.Kind == DocumentKind.ReleasePackage).MaxBy(d => d.UploadedAt);
        return PortalDownloadRecorder.Serves(request) && package is not null ? new PortalLink(grant, request, package) : null;
    }

    public static bool DateOfBirthMatches(PortalLink link, DateOnly typed)
    {
        ArgumentNullException.ThrowIfNull(link);
        return BirthDates.Matches(link.Request.Patient.DateOfBirth, typed);
    }

    /// <summary>
    /// E-mails a new code to the address on file and then makes it the link's code (voiding any earlier one): when the
    /// mail does not leave, the earlier code still works and <see cref="EmailNotSentException"/> tells the page to
    /// say "try again later".
    /// </summary>
    public async Task<bool> SendCodeAsync(PortalLink link, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var to = PortalEmails.AddressFor(link.Request);
        if (to is null) return false;
        var code = PortalSecrets.NewCode();
        var expires = time.GetUtcNow().AddMinutes(Options.CodeMinutes);
        // In the language of the link's e-mail (the recipient's), whatever the page's language.
        var language = MessageLanguage.ForRecipient(link.Request);
        OutgoingEmail message;
        using (SiteLanguages.Use(language))
            message = PortalEmails.OneTimeCode(to, code, Options.CodeMinutes, sites.For(language), words);
        await email.SendAsync(message, cancellationToken);
        await SaveWithRetryAsync(link.Grant.Id, grant => grant.SetCode(token, code, expires), cancellationToken);
        return true;
    }

    /// <summary>Checks a typed code; also says how many tries the current code has left.</summary>
    public async Task<(CodeCheck Result, int TriesLeft)> CheckCodeAsync(PortalLink link, string token, string? typed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var result = CodeCheck.NeedsNewCode;
        var attempts = 0;
        await SaveWithRetryAsync(link.Grant.Id, grant =>
        {
            result = grant.CheckCode(token, typed, time.GetUtcNow());
            attempts = grant.CodeAttempts;
        }, cancellationToken);
        return (result, Math.Max(0, PortalGrant.MaxCodeAttempts - attempts));
    }

    /// <summary>
    /// Applies a change to the grant as it is now in the database; when another request changed it first (a
    /// concurrency token differs), reads it again and re-applies, so racing attempts are counted one after another.
    /// </summary>
    private async Task SaveWithRetryAsync(Guid grantId, Action<PortalGrant> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var grant = await db.PortalGrants.SingleAsync(g => g.Id == grantId, cancellationToken);
            change(grant);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>"j•••@example.org": enough for the owner to recognise, little for anyone else.</summary>
    public static string MaskedAddress(PortalLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var address = PortalEmails.AddressFor(link.Request) ?? "";
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "the e-mail address we have on file" : $"{address[0]}•••{address[at..]}";
    }

    private static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
