using BackOffice.Web.PostalMailing;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PostalMailing;

/// <summary>The daily batch on the real app and database: who is mailed, what the PDF holds, and that nobody is mailed twice.</summary>
public sealed class MailingBatchTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<MailingBatchResult> CreateBatchAsync(Actor? actor = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var today = await _factory.TodayAsync();
        return await scope.ServiceProvider.GetRequiredService<MailingBatchService>().CreateAsync(today, actor ?? RequestScenarios.Clerk, CancellationToken.None);
    }

    /// <summary>Three requests ready to go by mail (a paid patient, a paid attorney, a free provider copy) and one for the portal.</summary>
    private async Task<(RecordsRequest Patient, RecordsRequest Attorney, RecordsRequest Provider, RecordsRequest Portal)> ReadyAsync()
    {
        var patient = await _factory.StartAsync(RequestScenarios.PatientDraft());
        (await _factory.ThroughReviewAsync(patient.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        await _factory.PayInFullAsync(patient.Id);
        var attorney = await _factory.StartAsync(DocumentScenarios.AttorneyDraft());
        await _factory.ThroughReviewWithExclusionsAsync(attorney.Id, paperPages: 120);
        await _factory.PayInFullAsync(attorney.Id);
        var provider = await _factory.StartAsync(DocumentScenarios.ProviderDraft());
        (await _factory.ThroughReviewAsync(provider.Id, paperPages: 12)).ShouldBe("ReadyForRelease");
        var portal = await _factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Portal, RecordFormat.Electronic));
        if (await _factory.ThroughReviewAsync(portal.Id, electronicPages: 5, package: [1, 2, 3]) == "AwaitingPayment") await _factory.PayInFullAsync(portal.Id);
        foreach (var request in new[] { patient, attorney, provider, portal })
            (await _factory.LoadAsync(request.Id)).State.ShouldBe("ReadyForRelease");
        return (patient, attorney, provider, portal);
    }

    [Fact]
    public async Task CreateAsync_MailsEveryRequestReadyByMail_AndPrintsTheirLettersInvoicesAndLabels()
    {
        var (patient, attorney, provider, portal) = await ReadyAsync();

        var result = await CreateBatchAsync();

        result.Created.ShouldBeTrue();
        result.Skipped.ShouldBeEmpty();
        result.Mailed.Select(m => m.RequestId).ShouldBe([patient.Id, attorney.Id, provider.Id], ignoreOrder: true);
        result.FilePath.ShouldNotBeNull().ShouldStartWith(Path.Combine(_factory.DataDirectory, "mailing"));
        var pdf = _factory.ReadStoredFile(result.FilePath);
        var pages = DocumentScenarios.PageTexts(pdf);
        pages.Count(p => p.Contains("Re: Copies of medical records", StringComparison.Ordinal)).ShouldBe(3);
        // Invoices follow the two requests that had a fee, paid in full; the provider's copies were free.
        var invoices = pages.Where(p => p.Contains("Re: Invoice", StringComparison.Ordinal)).ToList();
        invoices.Count.ShouldBe(2);
        invoices.ShouldAllBe(p => p.Contains("Balance due $0.00") && p.Contains("Paid in full."));
        LabelsOf(pdf, pages.Count - 1).ShouldBe(
        [
            "Maria Lopez 12 Elm St Naperville, IL 60540",
            "Jordan Blake Blake & Reyes LLP 200 W Adams St Suite 1500 Chicago, IL 60606",
            "Dr. Priya Shah Lakeside Family Practice 45 Lake St Wheaton, IL 60187",
        ], ignoreOrder: true);
        var text = string.Join(' ', pages);
        foreach (var mailed in new[] { patient, attorney, provider }) text.ShouldContain(mailed.TrackingNumber);
        text.ShouldNotContain(portal.TrackingNumber);
        File.Exists(await Artifacts.RenderFirstPageAsync(pdf, "mailing-batch")).ShouldBeTrue();

        foreach (var mailed in new[] { patient, attorney, provider })
        {
            (await _factory.LoadAsync(mailed.Id)).State.ShouldBe("Completed");
            var disclosures = await _factory.QueryAsync(db => db.Disclosures.AsNoTracking().Where(d => d.RequestId == mailed.Id).ToListAsync());
            disclosures.ShouldHaveSingleItem().Method.ShouldBe("Mail");
            var journal = await _factory.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.RequestId == mailed.Id && j.Trigger == "Mail").ToListAsync());
            journal.ShouldHaveSingleItem().Comment.ShouldBe($"Mailing batch {result.BatchId}");
        }

        (await _factory.LoadAsync(portal.Id)).State.ShouldBe("ReadyForRelease");
    }

    /// <summary>The text of each filled Avery 5160 label on a page (3 columns of 2.625 in, 10 rows of 1 in, from 0.5 in down).</summary>
    private static List<string> LabelsOf(byte[] pdf, int pageIndex)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(pageIndex + 1);
        return page.GetWords()
            .GroupBy(w => (Column: (int)((w.BoundingBox.Left - 13.5) / 198), Row: (int)((page.Height - w.BoundingBox.Top - 36) / 72)))
            .OrderBy(g => g.Key.Row).ThenBy(g => g.Key.Column)
            .Select(g => string.Join(' ', g.OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).Select(w => w.Text)))
            .ToList();
    }

    [Fact]
    public async Task TwoNodes_MakingTheBatchAtOnce_MakeOneBatch_AndSkipNobody()
    {
        var (patient, attorney, provider, _) = await ReadyAsync();
        await using var otherNode = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = _factory.DataDirectory });
        var today = await _factory.TodayAsync();

        async Task<MailingBatchResult> BatchOnAsync(BackOfficeFactory node)
        {
            await using var scope = node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MailingBatchService>().CreateAsync(today, RequestScenarios.Clerk, CancellationToken.None);
        }

        var results = await Task.WhenAll(BatchOnAsync(_factory), BatchOnAsync(otherNode));

        results.Count(r => r.Created).ShouldBe(1);
        results.SelectMany(r => r.Mailed).Select(m => m.RequestId).ShouldBe([patient.Id, attorney.Id, provider.Id], ignoreOrder: true);
        results.SelectMany(r => r.Skipped).ShouldBeEmpty(); // the second waited for the first instead of racing it request by request
        (await _factory.QueryAsync(db => db.Set<JobRun>().CountAsync(r => r.Key.StartsWith(JobLease.KeyPrefix)))).ShouldBe(0);
    }

    [Fact]
    public async Task ABatchLease_LeftByANodeThatDied_IsTakenOverOnceStale_AndAFreshOneIsWaitedFor()
    {
        var (patient, _, _, _) = await ReadyAsync();
        var now = _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await _factory.QueryAsync(async db =>
        {
            db.Set<JobRun>().Add(JobRun.Start(JobLease.KeyPrefix + MailingBatchService.LeaseName, now));
            return await db.SaveChangesAsync();
        });

        var waiting = CreateBatchAsync();
        await Task.Delay(700);
        waiting.IsCompleted.ShouldBeFalse(); // another node holds a fresh lease
        await _factory.QueryAsync(db => db.Set<JobRun>().Where(r => r.Key.StartsWith(JobLease.KeyPrefix))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.StartedAt, now - MailingBatchService.LeaseStaleAfter - TimeSpan.FromMinutes(1))));

        var result = await waiting;

        result.Created.ShouldBeTrue();
        result.Mailed.Select(m => m.RequestId).ShouldContain(patient.Id);
    }

    [Fact]
    public async Task CreateAsync_RunTwiceTheSameDay_MailsNobodyTwice()
    {
        var (patient, attorney, provider, _) = await ReadyAsync();
        (await CreateBatchAsync()).Mailed.Count.ShouldBe(3);

        var second = await CreateBatchAsync();

        second.Created.ShouldBeFalse();
        second.Mailed.ShouldBeEmpty();
        second.FilePath.ShouldBeNull();
        foreach (var mailed in new[] { patient, attorney, provider })
        {
            (await _factory.QueryAsync(db => db.Disclosures.CountAsync(d => d.RequestId == mailed.Id))).ShouldBe(1);
            (await _factory.QueryAsync(db => db.Journal.CountAsync(j => j.RequestId == mailed.Id && j.Trigger == "Mail"))).ShouldBe(1);
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<MailingBatchStore>().ListAsync(CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task CreateAsync_AsSomeoneTheLifecycleRefuses_MarksNothing_AndReportsEachRequest()
    {
        var (patient, attorney, provider, _) = await ReadyAsync();
        var rulesAdmin = Actor.Staff("rules-1", "Robin Rules", LifecycleRoles.RulesAdmin);

        var result = await CreateBatchAsync(rulesAdmin);

        result.Created.ShouldBeFalse();
        result.Skipped.Select(s => s.RequestId).ShouldBe([patient.Id, attorney.Id, provider.Id], ignoreOrder: true);
        result.Skipped.ShouldAllBe(s => s.Reason.StartsWith("not possible now: only Clerk or Supervisor or System may do this", StringComparison.Ordinal));
        (await _factory.LoadAsync(patient.Id)).State.ShouldBe("ReadyForRelease");
    }
}
