using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// EF Core builds a model once per key this returns and keeps it for the process. The model's converters hold the keys
/// of the context that built it, so the key says which keys those are: a host with other keys (tests start many hosts in
/// one process) gets its own model instead of the first host's keys, and hosts with the same keys share one.
/// </summary>
internal sealed class FieldEncryptionModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => context is BackOfficeDbContext db
        ? (context.GetType(), db.Fields.ModelCacheKey, designTime)
        : (context.GetType(), "", designTime);
}
