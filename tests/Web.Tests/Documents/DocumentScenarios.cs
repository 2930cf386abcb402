using System.Globalization;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace BackOffice.Web.Tests.Documents;

/// <summary>Requests for the document tests beyond the patient's own (<see cref="RequestScenarios"/>), and PDFs read back as words.</summary>
public static class DocumentScenarios
{
    public static readonly Actor Supervisor = Actor.Staff("supervisor-1", "Sasha Supervisor", LifecycleRoles.Supervisor);

    public static readonly PostalAddress AttorneyAddress = new()
    {
        Line1 = "200 W Adams St", Line2 = "Suite 1500", City = "Chicago", State = "IL", PostalCode = "60606",
    };

    /// <summary>An attorney's authorization with every 164.508(c) element; copies released to the attorney's office.</summary>
    public static RecordsRequestDraft AttorneyDraft(DeliveryMethod delivery = DeliveryMethod.Mail) => RequestScenarios.PatientDraft(delivery) with
    {
        Kind = RequestKind.Authorization,
        Requester = new RequesterDetails { Type = RequesterType.Attorney, Name = "Jordan Blake", Organisation = "Blake & Reyes LLP" },
        Recipient = new RecipientDetails
        {
            Type = RequesterType.Attorney, Name = "Jordan Blake", Organisation = "Blake & Reyes LLP", Address = AttorneyAddress,
        },
        Purpose = RequestPurpose.Legal,
        ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
        RequiredStatementsPresent = true,
    };

    /// <summary>Copies sent straight to another provider: never charged.</summary>
    public static RecordsRequestDraft ProviderDraft() => RequestScenarios.PatientDraft() with
    {
        Recipient = new RecipientDetails
        {
            Type = RequesterType.Provider, Name = "Dr. Priya Shah", Organisation = "Lakeside Family Practice",
            Address = new PostalAddress { Line1 = "45 Lake St", City = "Wheaton", State = "IL", PostalCode = "60187" },
        },
    };

    /// <summary>
    /// As <see cref="RequestScenarios.ThroughReviewAsync"/>, confirming that the withheld categories were removed (an
    /// authorization without the special consents has some).
    /// </summary>
    /// <summary>Through quality review; the compiled records contain <paramref name="contains"/> (by default every sensitive category).</summary>
    public static async Task<string> ThroughReviewWithExclusionsAsync(this BackOfficeFactory factory, Guid requestId, int paperPages,
        IReadOnlyList<SensitiveCategory>? contains = null)
    {
        await factory.FireAsync(requestId, "Verify", RequestScenarios.Clerk, ("identityChecked", "true"));
        await factory.FireAsync(requestId, "StartFulfillment", RequestScenarios.Clerk);
        var present = (contains ?? Enum.GetValues<SensitiveCategory>()).Select(c => ("contains" + c, (string?)"true"));
        await factory.FireAsync(requestId, "RecordPages", RequestScenarios.Clerk,
            [("contentsChecked", "true"), ("paper", paperPages.ToString(CultureInfo.InvariantCulture)), .. present]);
        await factory.FireAsync(requestId, "SubmitForReview", RequestScenarios.Clerk, ("exclusionsApplied", "true"));
        return (await factory.FireAsync(requestId, "Approve", RequestScenarios.Reviewer)).ToState;
    }

    public static async Task<RenderedDocument> RenderAsync(this BackOfficeFactory factory, Guid requestId, string documentType)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRequestDocumentRenderer>().RenderAsync(requestId, documentType);
    }

    public static async Task<DateOnly> TodayAsync(this BackOfficeFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<DepartmentClock>().Today;
    }

    /// <summary>
    /// Each page's words (PdfPig's <c>Text</c> runs words together) in reading order, joined by single spaces: lines top
    /// to bottom (words whose baselines are within 3 points share a line), each left to right.
    /// </summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(page =>
        {
            var lines = new List<List<Word>>();
            foreach (var word in page.GetWords().OrderByDescending(w => w.BoundingBox.Bottom))
            {
                if (lines.Count == 0 || lines[^1][0].BoundingBox.Bottom - word.BoundingBox.Bottom > 3) lines.Add([]);
                lines[^1].Add(word);
            }

            return string.Join(' ', lines.SelectMany(line => line.OrderBy(w => w.BoundingBox.Left)).Select(w => w.Text));
        }).ToList();
    }

    public static string TextOf(byte[] pdf) => string.Join(' ', PageTexts(pdf));
}
