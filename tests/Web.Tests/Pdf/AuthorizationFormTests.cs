using System.Net;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Pdf;
using BackOffice.Web.Site;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using UglyToad.PdfPig;

namespace BackOffice.Web.Tests.Pdf;

public sealed class AuthorizationFormTests
{
    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public async Task PaperForm_IsAPdfWithSectionsOneToSix_AndTheConfiguredAddress()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Site:MailingAddress"] = "Records Office, 9 Elm Road, Naperville, IL 60540",
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/request/paper-form", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("authorization-for-release-of-health-information.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = TextOf(pdf);
        foreach (var section in new[] { "Section 1", "Section 2", "Section 3", "Section 4", "Section 5", "Section 6" })
            text.ShouldContain(section);
        text.ShouldContain("Call for pickup by patient or legal representative");
        text.ShouldContain("Secure online portal");
        text.ShouldContain("9 Elm Road, Naperville");
        text.ShouldContain("Cash is not accepted.");
        // The same section names and record types as the online steps and staff intake.
        text.ShouldContain(FormSections.Heading(FormSection.Delivery));
        text.ShouldContain("Section 5: Purpose and expiration");
        foreach (var type in RequestLabels.RecordTypes) text.ShouldContain(type);
        File.Exists(await Artifacts.RenderFirstPageAsync(pdf, "authorization-form-blank")).ShouldBeTrue();
    }

    [Fact]
    public void Form_IsFilledIn_FromAnOnlineRequest()
    {
        var address = new PostalAddress { Line1 = "12 Oak Ave", City = "Lisle", State = "IL", PostalCode = "60532" };
        var request = RecordsRequest.Create(new RecordsRequestDraft
        {
            Channel = RequestChannel.Online,
            Kind = RequestKind.Access,
            Patient = new PatientDetails { FirstName = "Zoë", LastName = "Nowak", DateOfBirth = new DateOnly(1985, 7, 9), Address = address },
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Zoë Nowak" },
            Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = "Zoë Nowak", Address = address },
            Information = new RequestedInformation { AllRecords = true },
            Delivery = DeliveryMethod.Pickup,
            Signature = new SignatureDetails { SignerName = "Zoë Nowak", SignedOn = new DateOnly(2026, 3, 1), ElectronicSignature = "Zoë Nowak" },
        }, new DateOnly(2026, 3, 2));

        var text = TextOf(AuthorizationFormPdf.Filled(new SiteOptions(), request));

        text.ShouldContain(request.TrackingNumber);
        text.ShouldContain("Zoë Nowak");
        text.ShouldContain("07/09/1985");
        text.ShouldContain("/s/ Zoë Nowak (signed electronically)");
    }
}
