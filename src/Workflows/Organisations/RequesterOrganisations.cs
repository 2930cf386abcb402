using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Organisations;

/// <summary>Registering requester organisations and issuing and revoking their API keys (staff pages and the command line).</summary>
public sealed class RequesterOrganisations(BackOfficeDbContext db, TimeProvider time)
{
    public async Task<RequesterOrganisation> RegisterAsync(RequesterOrganisationDetails details, string by, CancellationToken cancellationToken = default)
    {
        var organisation = RequesterOrganisation.Register(details, time.GetUtcNow(), by);
        db.RequesterOrganisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    public Task<RequesterOrganisation?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.RequesterOrganisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<IReadOnlyList<RequesterOrganisation>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.RequesterOrganisations.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public async Task<IReadOnlyList<ApiKey>> KeysOfAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        (await db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == organisationId).ToListAsync(cancellationToken))
            .OrderByDescending(k => k.CreatedAt).ToList();

    /// <summary>A new key for the organisation; the returned secret is the only copy of the key there will ever be.</summary>
    public async Task<(ApiKey Key, string Secret)> IssueKeyAsync(Guid organisationId, string? name, DateTimeOffset? expiresAt, string by,
        CancellationToken cancellationToken = default)
    {
        if (!await db.RequesterOrganisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
            throw new DomainException("There is no requester organization with this id.", "Organisation");
        var issued = ApiKey.Issue(organisationId, name, expiresAt, time.GetUtcNow(), by);
        db.ApiKeys.Add(issued.Key);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    /// <summary>Revokes a key of the organisation at once (every node refuses it from the next call); false when there is no such key.</summary>
    public async Task<bool> RevokeKeyAsync(Guid organisationId, Guid keyId, string by, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == organisationId, cancellationToken);
        if (key is null) return false;
        key.Revoke(time.GetUtcNow(), by);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
