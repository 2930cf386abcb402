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

    /// <summary>The blanks of what Illinois forms let a requester say beyond the core fields, each with the section it belongs to.</summary>
    private static readonly (FormSection Section, string Label)[] IllinoisBlanks =
    [
        (FormSection.Patient, "Another phone"),
        (FormSection.Patient, "Primary-care doctor or clinic"),
        (FormSection.Release, "Phone"),
        (FormSection.Release, "Fax (to reach the recipient; records are not faxed)"),
        (FormSection.Information, "Date the records are needed by (if any)"),
        (FormSection.Delivery, "Person who will pick up (shows a photo ID)"),
    ];

    /// <summary>The text of one section of the form: from its heading to the next one's.</summary>
    private static string SectionOf(string text, FormSection section)
    {
        var start = text.IndexOf(FormSections.Heading(section), StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no heading for {section}");
        var next = Enum.GetValues<FormSection>().Where(s => FormSections.Number(s) is not null)
            .Select(s => text.IndexOf(FormSections.Heading(s), StringComparison.Ordinal))
            .Where(i => i > start).DefaultIfEmpty(text.Length).Min();
        return text[start..next];
    }

    [Fact]
    public async Task PaperForm_HasABlankInItsSection_ForEachFieldIllinoisFormsOffer()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();

        var text = TextOf(await client.GetByteArrayAsync(new Uri("/request/paper-form", UriKind.Relative)));

        foreach (var (section, label) in IllinoisBlanks) SectionOf(text, section).ShouldContain(label, customMessage: $"{section}: {label}");
        var information = SectionOf(text, FormSection.Information);
        foreach (var type in RequestLabels.RecordTypes) information.ShouldContain(type);
        // A blank form ticks nothing.
        information.ShouldNotContain("X ");
    }

    [Fact]
    public void FilledForm_ShowsEachFieldIllinoisFormsOffer_NextToItsLabel()
    {
        var address = new PostalAddress { Line1 = "12 Oak Ave", City = "Lisle", State = "IL", PostalCode = "60532" };
        var request = RecordsRequest.Create(new RecordsRequestDraft
        {
            Channel = RequestChannel.Online,
            Kind = RequestKind.Access,
            Patient = new PatientDetails
            {
                FirstName = "Zoë", LastName = "Nowak", DateOfBirth = new DateOnly(1985, 7, 9), Address = address,
                Phone = "630-555-0100", SecondPhone = "630-555-0199", PrimaryCareProvider = "Dr. Ruth Park, Lisle Family Clinic",
            },
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Zoë Nowak" },
            Recipient = new RecipientDetails
            {
                Type = RequesterType.Patient, Name = "Zoë Nowak", Address = address, Phone = "312-555-0142", Fax = "312-555-0143",
                PickupBy = "Pat Runner",
            },
            Information = new RequestedInformation
            {
                AllRecords = false, NeededBy = new DateOnly(2026, 4, 15),
                RecordTypes = ["The most recent visit only", "An abstract (a summary of the record)", "Radiology images on CD or USB"],
            },
            Delivery = DeliveryMethod.Pickup,
            Signature = new SignatureDetails { SignerName = "Zoë Nowak", SignedOn = new DateOnly(2026, 3, 1), ElectronicSignature = "Zoë Nowak" },
        }, new DateOnly(2026, 3, 2));

        var text = TextOf(AuthorizationFormPdf.Filled(new SiteOptions(), request));

        SectionOf(text, FormSection.Patient).ShouldContain("Phone 630-555-0100 Another phone 630-555-0199");
        SectionOf(text, FormSection.Patient).ShouldContain("Primary-care doctor or clinic Dr. Ruth Park, Lisle Family Clinic");
        SectionOf(text, FormSection.Release).ShouldContain("Phone 312-555-0142 Fax (to reach the recipient; records are not faxed) 312-555-0143");
        var information = SectionOf(text, FormSection.Information);
        information.ShouldContain("Date the records are needed by (if any) 04/15/2026");
        information.ShouldContain("X The most recent visit only");
        information.ShouldContain("X An abstract (a summary of the record)");
        information.ShouldContain("X Radiology images on CD or USB");
        information.ShouldNotContain("X Operative reports");
        SectionOf(text, FormSection.Delivery).ShouldContain("Person who will pick up (shows a photo ID) Pat Runner");
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
