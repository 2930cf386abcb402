using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// A query compiled once (<c>EF.CompileAsyncQuery</c>) for each model it runs with. EF Core ties a compiled query to the
/// first model it met and refuses any other (<c>CompiledQueryDifferentModel</c>), and one process can hold several
/// models of the same context — one per database provider and options: the tests' apps on SQLite and PostgreSQL side
/// by side, a command copying one database into another. Hot lookups compile their query this way, since for a query
/// this small EF Core's own work before it runs (the expression walked for its parameters, the cache key hashed and
/// looked up) costs about as much as running it.
/// </summary>
public sealed class PerModelCompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => compile());
    }
}
