namespace BackOffice.Workflows.Requests;

/// <summary>Who is asking; drives which rules and fees apply.</summary>
public enum RequesterType
{
    Patient,
    PersonalRepresentative,
    Attorney,
    Insurer,
    Provider,
    OtherThirdParty,
}

/// <summary>
/// A patient (or their representative) asking for the patient's own records makes an access request
/// under 45 CFR 164.524; anyone else needs an authorization under 45 CFR 164.508.
/// </summary>
public enum RequestKind
{
    Access,
    Authorization,
}

/// <summary>The legal authority a personal representative acts under.</summary>
public enum RepresentativeAuthority
{
    None,
    ParentOfMinor,
    Guardian,
    HealthCarePowerOfAttorney,
    Executor,
    Administrator,
    AuthorizedRelative,
    Other,
}

/// <summary>Where the records were made; only the group's own records are released here.</summary>
public enum RecordsLocation
{
    MedicalGroup,
    OtherFacility,
    ExcludedOrganisation,
}

/// <summary>Section 4 of the authorization form.</summary>
public enum DeliveryMethod
{
    Mail,
    SecureEmail,
    Portal,
    Pickup,
}

public enum RecordFormat
{
    Paper,
    Electronic,
}

public enum RequestPurpose
{
    AtRequestOfIndividual,
    ContinuingCare,
    Legal,
    Insurance,
    Employment,
    VeteransDisability,
    SocialSecurity,
    SSI,
    AABD,
    Other,
}

public enum RequestChannel
{
    Online,
    Paper,
}

/// <summary>Categories that need their own explicit consent before they are released.</summary>
public enum SensitiveCategory
{
    MentalHealth,
    PsychotherapyNotes,
    Hiv,
    Genetic,
    SubstanceUseDisorder,
    MinorConsentedServices,
}

public enum ReleaseDecisionKind
{
    Release,
    ReleaseWithWithheld,
    HoldForInformation,
    Redirect,
    Deny,
}

/// <summary>Cash is never accepted, so it is not a member.</summary>
public enum PaymentMethod
{
    CreditCardByPhone,
    Check,
}

public enum DocumentKind
{
    PhotoId,
    AuthorizationScan,
    Supporting,
    ReleasePackage,
    /// <summary>Made by the app: invoice, cover letter, notices and letters (named by its file).</summary>
    Generated,
}
