using BackOffice.Web.EmailTransport;
using BackOffice.Web.Localization;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// The form's own checks, one set of messages for every channel, by section: that answers are given and readable (a
/// real date, an e-mail address), which only the form can know. The domain's <see cref="RecordsRequestDraft.Validate"/>
/// runs after these on the draft and is not repeated here. Where the requester answers now (online), a purpose, an
/// expiry, which records and a way to reach the patient are required up front; a paper form is keyed in as written
/// (<see cref="FormChannel.KeyedAsWritten"/>) and the release rules hold it for what it lacks. Messages are in the
/// language of the page being made: the Spanish is in <c>AuthorizationFormChecks.es.resx</c>, keyed by the English
/// (<see cref="Translations"/>); staff pages stay English.
/// </summary>
public static class AuthorizationFormChecks
{
    private static readonly Translations Words = new(typeof(AuthorizationFormChecks));

    public static IEnumerable<FieldError> For(FormSection section, AuthorizationFormInput form, FormCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        return section switch
        {
            FormSection.Requester => Requester(form),
            FormSection.Patient => Patient(form, context),
            FormSection.Release => Release(form, context),
            FormSection.Information => Information(form, context),
            FormSection.Delivery => Delivery(form, context),
            FormSection.Purpose => Purpose(form, context),
            _ => Signature(form, context),
        };
    }

    /// <summary>Every section's checks, in the form's order.</summary>
    public static IEnumerable<FieldError> All(AuthorizationFormInput form, FormCheckContext context) =>
        Enum.GetValues<FormSection>().SelectMany(section => For(section, form, context));

    /// <summary>The section a field (or a domain error's field) belongs to.</summary>
    public static FormSection SectionOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field switch
        {
            "Kind" or "Receives" => FormSection.Requester,
            _ when field.StartsWith("Requester.", StringComparison.Ordinal) => FormSection.Requester,
            _ when field.StartsWith("Patient.", StringComparison.Ordinal) || field.StartsWith("Deceased.", StringComparison.Ordinal)
                || field.StartsWith("Minor.", StringComparison.Ordinal) => FormSection.Patient,
            _ when field.StartsWith("Recipient.", StringComparison.Ordinal) => FormSection.Release,
            "Locations" or "OtherFacilityName" => FormSection.Release,
            _ when field.StartsWith("Information.", StringComparison.Ordinal) || field.StartsWith("Consents", StringComparison.Ordinal)
                => FormSection.Information,
            "Delivery" or "Format" or "UnencryptedEmailRiskAccepted" or "EmailPassphrase" or "EmailPassphraseConfirm" => FormSection.Delivery,
            "Purpose" or "PurposeDetail" or "ExpiresOn" or "ExpiryEvent" or "RequiredStatementsPresent" => FormSection.Purpose,
            _ => FormSection.Signature,
        };
    }

    private static IEnumerable<FieldError> Requester(AuthorizationFormInput form)
    {
        var requester = form.Requester;
        if (form.Kind is null)
            yield return new("Kind", Words.Text("Choose whether this is the patient's own access request or an authorization to release to someone else."));
        if (requester.Type is null) yield return new("Requester.Type", Words.Text("Choose who is asking for the records."));
        if (form.Kind == RequestKind.Access && requester.Type is not null && AuthorizationFormInput.KindFor(requester.Type) != RequestKind.Access)
            yield return new("Kind", Words.Text("Only the patient or their personal representative makes an access request; choose authorization for anyone else."));
        if (requester.IsRepresentative && string.IsNullOrWhiteSpace(requester.AuthorityDescription))
            yield return new("Requester.AuthorityDescription", Words.Text("Describe the authority to act for the patient, for example \"court-appointed guardian\"."));
        if (!requester.IsPatient && string.IsNullOrWhiteSpace(requester.Phone) && string.IsNullOrWhiteSpace(requester.Email))
            yield return new("Requester.Phone", Words.Text("Give a phone number or an e-mail address so we can reach the person asking."));
        if (!FormText.IsEmailOrBlank(requester.Email)) yield return new("Requester.Email", EmailMessageFor(requester.Email));
        if (form.Receives is null) yield return new("Receives", Words.Text("Choose who should receive the copies."));
    }

    private static IEnumerable<FieldError> Patient(AuthorizationFormInput form, FormCheckContext context)
    {
        var patient = form.Patient;
        if (!DateInput.IsDateOrBlank(patient.DateOfBirth))
            yield return new("Patient.DateOfBirth", Words.Text("Enter the date of birth as a real date, for example 03/31/1980."));
        if (patient.IsDeceased && !DateInput.IsDateOrBlank(patient.DateOfDeath))
            yield return new("Patient.DateOfDeath", Words.Text("Enter the date of death as a real date, for example 03/31/2024, or leave it empty."));
        if (!context.Channel.KeyedAsWritten && form.Requester.IsPatient
            && string.IsNullOrWhiteSpace(patient.Phone) && string.IsNullOrWhiteSpace(patient.Email))
            yield return new("Patient.Phone", Words.Text("Give a phone number or an e-mail address so we can reach you about the request."));
        if (!FormText.IsEmailOrBlank(patient.Email)) yield return new("Patient.Email", EmailMessageFor(patient.Email));
        if (patient.IsDeceased && !context.Channel.KeyedAsWritten)
        {
            foreach (var error in DeceasedStanding(form)) yield return error;
        }
    }

    /// <summary>
    /// 735 ILCS 5/8-2001.5(a): online the signer for a patient who has died says who they are to the patient and whether
    /// anyone comes before them, so the request is not held for it later. A paper form is keyed in as written.
    /// </summary>
    private static IEnumerable<FieldError> DeceasedStanding(AuthorizationFormInput form)
    {
        var authority = form.Requester.IsRepresentative ? form.Requester.Authority : null;
        var deceased = form.Deceased;
        if (authority == RepresentativeAuthority.AuthorizedRelative)
        {
            if (deceased.Relation is null or DeceasedRelation.None)
                yield return new("Deceased.Relation", Words.Text("Say how you are related to the patient."));
            if (deceased.HigherPriorityPersonExists is null)
                yield return new("Deceased.HigherPriorityPersonExists", Words.Text("Say whether there is an executor, administrator or agent, or (unless you are the spouse) a surviving spouse."));
        }

        if (authority == RepresentativeAuthority.HealthCarePowerOfAttorney && deceased.PowerOfAttorneyContinuesAfterDeath is null)
            yield return new("Deceased.PowerOfAttorneyContinuesAfterDeath", Words.Text("Say whether the power of attorney continues after death."));
    }

    private static IEnumerable<FieldError> Release(AuthorizationFormInput form, FormCheckContext context)
    {
        // Online the requester is sent to the other facility straight away; a paper form is answered with a redirect letter.
        if (!context.Channel.KeyedAsWritten && !form.Locations.Contains(RecordsLocation.MedicalGroup))
        {
            yield return new("Locations", Words.Format(
                "We can only send copies of records made by {0}. Ask the other facility directly for the records it made.",
                context.Site.OrganisationName));
        }

        if (!FormText.IsEmailOrBlank(form.Recipient.Email)) yield return new("Recipient.Email", EmailMessageFor(form.Recipient.Email));
    }

    private static IEnumerable<FieldError> Information(AuthorizationFormInput form, FormCheckContext context)
    {
        var information = form.Information;
        if (information.AllRecords is null) yield return new("Information.AllRecords", Words.Text("Choose all records or only some records."));
        if (information.AllRecords == false)
        {
            if (!DateInput.IsDateOrBlank(information.From))
                yield return new("Information.From", Words.Text("Enter the first date as a real date, for example 01/01/2020."));
            if (!DateInput.IsDateOrBlank(information.To))
                yield return new("Information.To", Words.Text("Enter the last date as a real date, for example 12/31/2024."));
            if (!context.Channel.KeyedAsWritten && information.SaysNothingOfWhich)
                yield return new("Information.RecordTypes", Words.Text("Say which records you want: dates, kinds of records or a description."));
        }

        // The patient's own records need no consent; only an authorization's mental-health consent has a witness.
        var consents = form.Consents;
        if (!form.IsThirdParty || !consents.IncludesMentalHealth) yield break;
        if (!DateInput.IsDateOrBlank(consents.WitnessedOn))
            yield return new("Consents.WitnessedOn", Words.Text("Enter the date the witness signed as a real date, for example 03/31/2026."));
        // A paper form is keyed in as written: a missing or defective witness withholds the mental-health records and
        // the rest is released (the rules say why). Online the witness is asked for now.
        if (context.Channel.KeyedAsWritten) yield break;
        foreach (var error in Witness(form, context)) yield return error;
    }

    /// <summary>
    /// 740 ILCS 110/5(b): the mental-health consent is signed and witnessed. The witness attests the signature they saw:
    /// named, signing (typing their name online), dated the day the signer signs (online: the day it is sent; not
    /// before the signature, not in the future), and not the person receiving the records.
    /// </summary>
    private static IEnumerable<FieldError> Witness(AuthorizationFormInput form, FormCheckContext context)
    {
        var consents = form.Consents;
        if (string.IsNullOrWhiteSpace(consents.WitnessName))
            yield return new("Consents.WitnessName", Words.Text("Enter the witness's name: mental health records released to someone else need a witness."));
        else if (PersonName.Same(consents.WitnessName, form.Recipient.Name))
            yield return new("Consents.WitnessName", Words.Text("The witness cannot be the person receiving the records: ask someone else to witness the consent."));
        if (string.IsNullOrWhiteSpace(consents.WitnessedOn))
            yield return new("Consents.WitnessedOn", Words.Text("Enter the date the witness signed."));
        // A form signed by hand and sent now (the requester API): the witness signed on the paper, the day the signer did.
        if (!context.Channel.SignsElectronically)
        {
            if (DateInput.Parse(consents.WitnessedOn) is { } handSigned && DateInput.Parse(form.Signature.SignedOn) is { } signed
                && handSigned != signed)
                yield return new("Consents.WitnessedOn", Words.Text("The witness signs when the signer does: enter the date of signature."));
            yield break;
        }

        if (string.IsNullOrWhiteSpace(consents.WitnessSignature))
            yield return new("Consents.WitnessSignature", Words.Text("The witness signs by typing their full name."));
        else if (!PersonName.Same(consents.WitnessSignature, consents.WitnessName))
            yield return new("Consents.WitnessSignature", Words.Text("The witness signs with the name given above."));
        if (DateInput.Parse(consents.WitnessedOn) is { } witnessed && witnessed != context.Today)
            yield return new("Consents.WitnessedOn", Words.Text("The witness signs when you do: enter today's date."));
    }

    /// <summary>
    /// The domain checks that mail has an address, and e-mail or the portal an e-mail address. Secure e-mail chosen online
    /// needs the passphrase for the encrypted file (on paper there is none: the records go as a secure link). Unencrypted
    /// e-mail is only for a patient's own records, with the risk accepted (HHS guidance on 45 CFR 164.524(c)(2)).
    /// </summary>
    private static IEnumerable<FieldError> Delivery(AuthorizationFormInput form, FormCheckContext context)
    {
        if (form.Delivery is null) yield return new("Delivery", Words.Text("Choose how the copies are delivered (Section 4)."));
        if (form.Delivery == DeliveryMethod.SecureEmail && context.Channel.SignsElectronically)
        {
            if (string.IsNullOrEmpty(form.EmailPassphrase) || form.EmailPassphrase.Length < SecureEmail.EmailPassphrases.MinimumLength)
                yield return new("EmailPassphrase", Words.Format("Choose a passphrase of at least {0} characters: it opens the encrypted file.",
                    SecureEmail.EmailPassphrases.MinimumLength));
            else if (form.EmailPassphrase != form.EmailPassphraseConfirm)
                yield return new("EmailPassphraseConfirm", Words.Text("Type the same passphrase again."));
        }

        if (form.Delivery == DeliveryMethod.UnencryptedEmail && form.IsThirdParty)
            yield return new("Delivery", Words.Text("Unencrypted e-mail is only for a patient's own records. Choose secure e-mail, the portal, mail or pickup."));
        else if (form.Delivery == DeliveryMethod.UnencryptedEmail && !form.UnencryptedEmailRiskAccepted)
            yield return new("UnencryptedEmailRiskAccepted", Words.Text("Tick the box to accept the risk of e-mail that is not encrypted, or choose secure e-mail."));
        if (form.Format is null) yield return new("Format", Words.Text("Choose paper or electronic copies."));
        if (form.Delivery is DeliveryMethod.SecureEmail or DeliveryMethod.UnencryptedEmail or DeliveryMethod.Portal && form.Format == RecordFormat.Paper)
            yield return new("Format", Words.Text("E-mail and the portal deliver electronic copies. Choose electronic copies, or mail or pickup for paper."));
    }

    /// <summary>Nothing is asked for the patient's own access; an authorization needs a purpose and an end (45 CFR 164.508(c)(1)).</summary>
    private static IEnumerable<FieldError> Purpose(AuthorizationFormInput form, FormCheckContext context)
    {
        if (!form.IsThirdParty) yield break;
        if (!DateInput.IsDateOrBlank(form.ExpiresOn))
        {
            yield return new("ExpiresOn", Words.Text("Enter the expiry date as a real date, for example 12/31/2027."));
        }

        if (context.Channel.KeyedAsWritten) yield break;
        if (form.Purpose is null) yield return new("Purpose", Words.Text("Choose the purpose of the release."));
        // 45 CFR 164.506(c)(2): a provider asking to treat the patient needs no authorization, so no end date either.
        if (IsForTreatment(form)) yield break;
        if (form.Purpose == RequestPurpose.Other && string.IsNullOrWhiteSpace(form.PurposeDetail))
            yield return new("PurposeDetail", Words.Text("Describe the purpose of the release."));
        if (string.IsNullOrWhiteSpace(form.ExpiresOn) && form.Consents.IncludesMentalHealth)
            yield return new("ExpiresOn", Words.Text("Mental health records need an end date for the authorization (a date, not an event)."));
        else if (string.IsNullOrWhiteSpace(form.ExpiresOn) && string.IsNullOrWhiteSpace(form.ExpiryEvent))
            yield return new("ExpiresOn", Words.Text("Give the date or the event when this authorization ends."));
    }

    private static IEnumerable<FieldError> Signature(AuthorizationFormInput form, FormCheckContext context)
    {
        var signature = form.Signature;
        // The patient and a representative sign in the capacity that follows from who is asking; anyone else says who signed.
        if (!form.Requester.IsPatient && !form.Requester.IsRepresentative && string.IsNullOrWhiteSpace(signature.SignerRelationship))
            yield return new("Signature.SignerRelationship", Words.Text("Say who signed: the patient or the person legally acting for the patient."));
        if (context.Channel.SignsElectronically)
        {
            if (!signature.Agreed) yield return new("Signature.Agreed", Words.Text("Tick the box to agree that typing your name is your signature."));
        }
        else if (!DateInput.IsDateOrBlank(signature.SignedOn))
        {
            yield return new("Signature.SignedOn", Words.Text("Enter the date signed as a real date, for example 03/31/2026."));
        }
    }

    /// <summary>A provider asks for the records to treat the patient, and they go to a provider.</summary>
    public static bool IsForTreatment(AuthorizationFormInput form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Requester.Type == RequesterType.Provider && form.Purpose == RequestPurpose.ContinuingCare
            && form.Receives is RecipientChoice.Requester or RecipientChoice.Provider;
    }

    public const string EmailMessage = "Enter an e-mail address like name@example.com.";
    public const string OneEmailMessage = "Enter one e-mail address only: we send to a single address.";

    private static string EmailMessageFor(string? typed) =>
        Words.Text(EmailAddressCheck.LooksLikeSeveral(typed) ? OneEmailMessage : EmailMessage);
}
