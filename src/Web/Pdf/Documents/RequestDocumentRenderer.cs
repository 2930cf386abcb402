using BackOffice.Web.Localization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// Renders a request's documents from the request as stored (read without tracking). A letter is dated the day of the
/// step that produced it (from the journal), so rendering it again later gives the same letter. Each is written in its
/// reader's language (<see cref="MessageLanguage"/>): the cover letter in the recipient's, the others in the requester's.
/// </summary>
public sealed class RequestDocumentRenderer(
    BackOfficeDbContext db,
    LocalizedSite sites,
    LetterWords words,
    DefinitionRegistry definitions,
    DepartmentClock clock) : IRequestDocumentRenderer
{
    public async Task<RenderedDocument> RenderAsync(Guid requestId, string documentType, CancellationToken cancellationToken = default)
    {
        if (!RequestDocumentTypes.All.Contains(documentType, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown document type '{documentType}'; known: {string.Join(", ", RequestDocumentTypes.All)}.",
                nameof(documentType));
        }

        var request = await db.Requests.AsNoTracking().Include(r => r.Payments).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new RequestNotFoundException(requestId);
        var journal = await db.Journal.AsNoTracking().Where(j => j.RequestId == requestId).OrderBy(j => j.Sequence)
            .Select(j => new Step(j.OccurredAt, j.Trigger, j.FromState, j.ToState)).ToListAsync(cancellationToken);
        var definition = definitions.Get(request.DefinitionName, request.DefinitionVersion);

        DateOnly DayOf(Func<Step, bool> which) => journal.LastOrDefault(which) is { } step ? clock.DayOf(step.At) : clock.Today;
        var requesterLanguage = MessageLanguage.ForRequester(request);
        LetterContext In(string language, DateOnly day) => new(sites.For(language), request, day, clock, language, words);
        LetterContext Context(DateOnly day) => In(requesterLanguage, day);
        var tracking = request.TrackingNumber;
        return documentType switch
        {
            // Entering AwaitingPayment, not a payment recorded there (an internal transition of the same state).
            RequestDocumentTypes.Invoice => Invoice(request, definition,
                journal.LastOrDefault(s => s.ToState == InvoiceState && s.FromState != InvoiceState)?.At ?? clock.Now, Context),
            RequestDocumentTypes.CoverLetter => new RenderedDocument($"cover-letter-{tracking}.pdf", $"Cover letter {tracking}",
                CoverLetterPdf.Render(In(MessageLanguage.ForRecipient(request), DayOf(s => s.ToState == "Mailed")))),
            RequestDocumentTypes.MissingInformationLetter => MissingInformation(definition, DayOf(s => s.ToState == NeedsInformationState), Context, tracking),
            RequestDocumentTypes.RedirectLetter => new RenderedDocument($"redirect-letter-{tracking}.pdf", $"Where to ask {tracking}",
                RedirectLetterPdf.Render(Context(DayOf(s => s.ToState == "Redirected")))),
            RequestDocumentTypes.DenialLetter => new RenderedDocument($"denial-letter-{tracking}.pdf", $"Denial {tracking}",
                DenialLetterPdf.Render(Context(DayOf(s => s.ToState == "Denied")))),
            _ => new RenderedDocument($"extension-notice-{tracking}.pdf", $"Extension notice {tracking}",
                ExtensionNoticePdf.Render(Context(DayOf(s => s.Trigger == "ExtendDeadline")))),
        };
    }

    internal const string InvoiceState = "AwaitingPayment";
    internal const string NeedsInformationState = "NeedsInformation";

    /// <summary>Days after entering <paramref name="state"/> that its timer cancels the request, from the request's own definition.</summary>
    internal static int? CancelAfterDays(LifecycleDefinition definition, string state) =>
        definition.FindState(state)?.Timers.FirstOrDefault(t => t.Trigger == "Cancel" && t.AfterDays > 0)?.AfterDays;

    /// <summary>The invoice as it stood when it was issued (entering AwaitingPayment): its amounts, not later payments.</summary>
    private RenderedDocument Invoice(RecordsRequest request, LifecycleDefinition definition, DateTimeOffset issuedAt,
        Func<DateOnly, LetterContext> context)
    {
        var issuedOn = clock.DayOf(issuedAt);
        var cancelled = CancelAfterDays(definition, InvoiceState) is { } days ? issuedOn.AddDays(days) : (DateOnly?)null;
        return new RenderedDocument($"invoice-{request.TrackingNumber}.pdf", $"Invoice {request.TrackingNumber}",
            InvoicePdf.Render(context(issuedOn), new InvoiceTerms(issuedOn, cancelled, issuedAt)));
    }

    private static RenderedDocument MissingInformation(LifecycleDefinition definition, DateOnly heldOn, Func<DateOnly, LetterContext> context,
        string tracking)
    {
        var closes = CancelAfterDays(definition, NeedsInformationState) is { } days ? heldOn.AddDays(days) : (DateOnly?)null;
        return new RenderedDocument($"missing-information-{tracking}.pdf", $"Information needed {tracking}",
            MissingInformationLetterPdf.Render(context(heldOn), closes));
    }

    private sealed record Step(DateTimeOffset At, string Trigger, string? FromState, string ToState);
}
