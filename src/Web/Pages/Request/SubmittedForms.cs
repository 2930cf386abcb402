using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Makes sending a form idempotent where the truth is: each filled-in form (the wizard's answers, a paper form being
/// keyed in) has a submission key, stored with the request it made under a unique index. A form sent again — a double
/// click, a send whose answer never reached the browser, a node that died mid-send, another node — finds its request
/// and answers with it; two sends at once cannot both insert (the loser finds the winner's request). Nothing is kept
/// outside the database, so there is nothing to sweep and nothing left stuck when a process dies.
/// </summary>
public sealed class SubmittedForms(BackOfficeDbContext db)
{
    /// <summary>The receipt of the request made from this form, or null when it was never stored.</summary>
    public Task<RequestReceipt?> ReceiptOfAsync(Guid submissionKey, CancellationToken cancellationToken = default) =>
        ReceiptBySubmissionKey.For(db)(db, submissionKey, cancellationToken);

    // Compiled once (per model): every send of a form looks its key up first.
    private static readonly PerModelCompiledQuery<Func<BackOfficeDbContext, Guid, CancellationToken, Task<RequestReceipt?>>> ReceiptBySubmissionKey = new(() =>
        EF.CompileAsyncQuery((BackOfficeDbContext db, Guid submissionKey, CancellationToken cancellationToken) => db.Requests.AsNoTracking()
            .Where(r => r.SubmissionKey == submissionKey)
            .Select(r => new RequestReceipt(r.TrackingNumber, r.DueOn, r.Delivery, r.Kind) { RequestId = r.Id })
            .SingleOrDefault()));
}
