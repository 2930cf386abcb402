using System.Globalization;
using BackOffice.Web.Localization;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// The words the request pages use for each choice, in the language of the page being made (<c>language</c> null) or
/// the one asked for. The English here is the form's own: what a request stores (the record types, the signer's
/// capacity), what the English paper form prints and what staff read; the Spanish is in <c>RequestLabels.es.resx</c>,
/// keyed by the English (<see cref="Translations"/>).
/// </summary>
public static class RequestLabels
{
    private static readonly Translations Words = new(typeof(RequestLabels));

    /// <summary>The language a request's stored words are written in.</summary>
    public static CultureInfo Stored => SiteLanguages.Culture(SiteLanguages.English);

    /// <summary>
    /// The parts of the record offered as check boxes (online, in staff intake and on the paper form), stored as written
    /// here: first the two short scopes Illinois forms offer (the most recent visit; an abstract), then the kinds of
    /// records. Each is what a records clerk pulls as one piece.
    /// </summary>
    public static IReadOnlyList<string> RecordTypes { get; } =
    [
        "The most recent visit only", "An abstract (a summary of the record)",
        "Visit and progress notes", "Emergency department records", "Hospital and discharge summaries", "Operative reports",
        "Test and lab results", "Pathology reports", "Imaging reports (X-ray, CT, MRI)", "Radiology images on CD or USB",
        "Medication list", "Immunizations", "Billing records", "Itemized billing statements",
        "Forms (for example disability, school or work forms)",
    ];

    /// <summary>A record type as stored (one of <see cref="RecordTypes"/>, in English), in the reader's language.</summary>
    public static string RecordType(string stored, CultureInfo? language = null) => Words.Text(stored, language);

    /// <summary>
    /// The capacity a signature was given in, as stored ("Patient", "Personal representative", or an authority's English
    /// words), in the reader's language; anything else (typed on a paper form) as written.
    /// </summary>
    public static string SignerRelationship(string stored, CultureInfo? language = null) => Words.Text(stored, language);

    public static string Requester(RequesterType type, CultureInfo? language = null) => Words.Text(type switch
    {
        RequesterType.Patient => "Me: I am the patient",
        RequesterType.PersonalRepresentative => "I act for the patient (personal representative)",
        RequesterType.Attorney => "An attorney or law firm",
        RequesterType.Insurer => "An insurance company",
        RequesterType.Provider => "Another doctor, hospital or clinic",
        _ => "An employer or someone else",
    }, language);

    public static string Authority(RepresentativeAuthority authority, CultureInfo? language = null) => Words.Text(authority switch
    {
        RepresentativeAuthority.ParentOfMinor => "Parent of a patient under 18",
        RepresentativeAuthority.Guardian => "Legal guardian",
        RepresentativeAuthority.HealthCarePowerOfAttorney => "Agent under a health-care power of attorney",
        RepresentativeAuthority.Executor => "Executor of the patient's estate",
        RepresentativeAuthority.Administrator => "Administrator of the patient's estate",
        RepresentativeAuthority.AuthorizedRelative => "Authorized relative of a patient who has died",
        RepresentativeAuthority.Other => "Other legal authority",
        _ => "None given",
    }, language);

    public static string Location(RecordsLocation location, Site.SiteOptions site, CultureInfo? language = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        return location switch
        {
            RecordsLocation.MedicalGroup => Words.FormatIn("{0} (our clinics and offices)", language, site.OrganisationName),
            RecordsLocation.OtherFacility => Words.Text("Another hospital, clinic or doctor", language),
            _ => site.ExcludedOrganisationName,
        };
    }

    public static string Category(SensitiveCategory category, CultureInfo? language = null) => Words.Text(category switch
    {
        SensitiveCategory.MentalHealth => "Mental health and developmental disabilities records",
        SensitiveCategory.PsychotherapyNotes => "Psychotherapy notes (a therapist's own notes)",
        SensitiveCategory.Hiv => "HIV test information",
        SensitiveCategory.Genetic => "Genetic testing information",
        SensitiveCategory.SubstanceUseDisorder => "Substance use disorder treatment records",
        SensitiveCategory.SexuallyTransmittedInfection => "Care for a sexually transmitted infection",
        _ => "Care the patient consented to on their own as a minor",
    }, language);

    public static string Delivery(DeliveryMethod method, CultureInfo? language = null) => Words.Text(method switch
    {
        DeliveryMethod.Mail => "Mail",
        DeliveryMethod.SecureEmail => "Secure e-mail: an encrypted file you open with your passphrase",
        DeliveryMethod.UnencryptedEmail => "Unencrypted e-mail (the patient's own records only, at the patient's own risk)",
        DeliveryMethod.Portal => "Secure online portal",
        _ => "Call for pickup by patient or legal representative",
    }, language);

    public static string Format(RecordFormat format, CultureInfo? language = null) =>
        Words.Text(format == RecordFormat.Paper ? "Paper copies" : "Electronic copies (PDF)", language);

    public static string Purpose(RequestPurpose purpose, CultureInfo? language = null) => Words.Text(purpose switch
    {
        RequestPurpose.AtRequestOfIndividual => "At the patient's request (personal use)",
        RequestPurpose.ContinuingCare => "Continuing care by another provider",
        RequestPurpose.Legal => "A legal matter",
        RequestPurpose.Insurance => "Insurance",
        RequestPurpose.Employment => "Employment",
        RequestPurpose.VeteransDisability => "A veterans' disability benefits claim",
        RequestPurpose.SocialSecurity => "A Social Security disability claim",
        RequestPurpose.SSI => "A Supplemental Security Income (SSI) claim",
        RequestPurpose.AABD => "An Aid to the Aged, Blind or Disabled (AABD) claim",
        _ => "Something else",
    }, language);

    public static string Receives(RecipientChoice choice, bool thirdParty, CultureInfo? language = null) => Words.Text(choice switch
    {
        RecipientChoice.Requester => thirdParty ? "The person or organization asking" : "Me (the person asking)",
        RecipientChoice.Provider => "A doctor, hospital or clinic",
        _ => "Someone else",
    }, language);

    /// <summary>"March 31, 2026" (Spanish: "31 de marzo de 2026").</summary>
    public static string Date(DateOnly date) => DateText.Written(date);

    public static string? Date(DateOnly? date) => DateText.Written(date);
}
