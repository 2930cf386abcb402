using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Organisations;

/// <summary>
/// Whether a requester organisation has a webhook, as the lifecycle asks on each commit of one of its requests (an event
/// is queued only for an organisation with one). Within one scope — one API call — an organisation already read by the
/// call's key check answers from what was read a few milliseconds before, instead of a query of its own; anywhere else
/// (a clerk's action, a job) the database is asked.
/// </summary>
public sealed class WebhookSubscriptions(BackOfficeDbContext db)
{
    private readonly Dictionary<Guid, bool> _read = [];

    /// <summary>Takes this scope's reading of the organisation (with its webhook address) as its answer.</summary>
    public void Remember(RequesterOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        _read[organisation.Id] = organisation.WebhookUrl is not null;
    }

    public async Task<bool> HasWebhookAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        _read.TryGetValue(organisationId, out var read) ? read : await HasWebhook.For(db)(db, organisationId, cancellationToken);

    // Compiled once (per model): it runs on every change of an organisation's request.
    private static readonly PerModelCompiledQuery<Func<BackOfficeDbContext, Guid, CancellationToken, Task<bool>>> HasWebhook = new(() =>
        EF.CompileAsyncQuery((BackOfficeDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
            db.RequesterOrganisations.Any(o => o.Id == organisationId && o.WebhookUrl != null)));
}
