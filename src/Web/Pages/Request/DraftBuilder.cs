using System.Globalization;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pages.Request;

/// <summary>When and from where the person signed, recorded by the server when the request is sent.</summary>
public sealed record SigningFacts(DateTimeOffset At, string? IpAddress);

/// <summary>
/// Turns the wizard's answers into a <see cref="RecordsRequestDraft"/>. It decides nothing the domain decides; it only
/// reads answers (text that is not a date becomes "no date", which the checks report) and drops answers that do not
/// apply (a representative's authority when the patient asks).
/// </summary>
public static class DraftBuilder
{
    public static RecordsRequestDraft Build(RequestWizardState state, DateOnly today, SigningFacts? signing = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var patient = BuildPatient(state.Patient);
        var type = state.Requester.Type ?? RequesterType.Patient;
        var isPatient = type == RequesterType.Patient;
        var isRepresentative = type == RequesterType.PersonalRepresentative;
        var requester = new RequesterDetails
        {
            Type = type,
            Name = isPatient ? patient.FullName : Text(state.Requester.Name),
            Organisation = isPatient || isRepresentative ? null : OptionalText(state.Requester.Organisation),
            Authority = isRepresentative ? state.Requester.Authority ?? RepresentativeAuthority.None : RepresentativeAuthority.None,
            AuthorityDescription = isRepresentative ? OptionalText(state.Requester.AuthorityDescription) : null,
            Phone = isPatient ? patient.Phone : OptionalText(state.Requester.Phone),
            Email = isPatient ? patient.Email : OptionalText(state.Requester.Email),
        };
        var locations = state.Locations.Where(Enum.IsDefined).Distinct().ToList();
        var delivery = state.Delivery ?? DeliveryMethod.Pickup; // not chosen yet: a method that needs neither address nor e-mail
        var authorization = state.Kind == RequestKind.Authorization;
        var typedName = Text(state.Signature.ElectronicSignature);

        return new RecordsRequestDraft
        {
            Channel = RequestChannel.Online,
            Kind = state.Kind,
            Patient = patient,
            Requester = requester,
            Recipient = new RecipientDetails
            {
                Type = state.Receives switch { RecipientChoice.Provider => RequesterType.Provider, RecipientChoice.Other => RequesterType.OtherThirdParty, _ => type },
                Name = Text(state.Recipient.Name),
                Organisation = OptionalText(state.Recipient.Organisation),
                Address = state.Recipient.Address.ToPostalAddress(),
                Email = OptionalText(state.Recipient.Email),
            },
            Locations = locations,
            OtherFacilityName = locations.Contains(RecordsLocation.OtherFacility) ? OptionalText(state.OtherFacilityName) : null,
            Information = BuildInformation(state.Information),
            Consents = BuildConsents(state.Consents),
            Delivery = delivery,
            Format = state.Format ?? RecordFormat.Paper,
            UnencryptedEmailRiskAccepted = delivery == DeliveryMethod.SecureEmail && state.UnencryptedEmailRiskAccepted,
            Purpose = state.Purpose ?? (authorization ? RequestPurpose.Other : RequestPurpose.AtRequestOfIndividual),
            PurposeDetail = OptionalText(state.PurposeDetail),
            ExpiresOn = authorization ? ParseDate(state.ExpiresOn) : null,
            ExpiryEvent = authorization ? OptionalText(state.ExpiryEvent) : null,
            // The online form shows the 164.508(c)(2) statements above the signature of every authorization.
            RequiredStatementsPresent = authorization,
            Signature = new SignatureDetails
            {
                SignerName = typedName,
                SignerRelationship = isPatient ? "Patient"
                    : isRepresentative ? RequestLabels.Authority(requester.Authority)
                    : OptionalText(state.Signature.SignerRelationship),
                SignedOn = today,
                ElectronicSignature = typedName,
                ElectronicallySignedAt = signing?.At,
                SignerIpAddress = signing?.IpAddress,
            },
            Documents = [.. state.Documents],
        };
    }

    public static PatientDetails BuildPatient(PatientInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new PatientDetails
        {
            FirstName = Text(input.FirstName),
            MiddleName = OptionalText(input.MiddleName),
            LastName = Text(input.LastName),
            FormerNames = OptionalText(input.FormerNames),
            DateOfBirth = ParseDate(input.DateOfBirth) ?? default,
            MedicalRecordNumber = OptionalText(input.MedicalRecordNumber),
            Address = input.Address.ToPostalAddress(),
            Phone = OptionalText(input.Phone),
            Email = OptionalText(input.Email),
            IsDeceased = input.IsDeceased,
            DateOfDeath = input.IsDeceased ? ParseDate(input.DateOfDeath) : null,
        };
    }

    public static RequestedInformation BuildInformation(InformationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var all = input.AllRecords != false;
        return new RequestedInformation
        {
            AllRecords = all,
            From = all ? null : ParseDate(input.From),
            To = all ? null : ParseDate(input.To),
            RecordTypes = all ? [] : [.. input.RecordTypes.Where(RequestLabels.RecordTypes.Contains).Distinct()],
            Description = all ? null : OptionalText(input.Description),
        };
    }

    public static List<SensitiveConsent> BuildConsents(ConsentsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.Categories.Where(Enum.IsDefined).Distinct().Select(category => new SensitiveConsent
        {
            Category = category,
            Granted = true,
            WitnessName = category == SensitiveCategory.MentalHealth ? OptionalText(input.WitnessName) : null,
            WitnessedOn = category == SensitiveCategory.MentalHealth ? ParseDate(input.WitnessedOn) : null,
        })];
    }

    /// <summary>A date as the date input sends it (2024-03-31) or as typed where there is none (3/31/2024).</summary>
    public static DateOnly? ParseDate(string? text) => DateInput.Parse(text);

    /// <summary>True for an empty answer or a date that can be read.</summary>
    public static bool IsDateOrBlank(string? text) => DateInput.IsDateOrBlank(text);

    public static string Text(string? value) => value?.Trim() ?? "";

    public static string? OptionalText(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && System.Net.Mail.MailAddress.TryCreate(value.Trim(), out _);
}
