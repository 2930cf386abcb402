namespace BackOffice.Workflows.Disclosures;

/// <summary>
/// A ground in the Privacy Rule for disclosing without the patient's authorization, each of which HIPAA requires in
/// an accounting (45 CFR 164.528(a)). The grounds the rule exempts from the accounting (treatment, payment and
/// operations, national security, custody, limited data sets, to the patient, under an authorization) are not
/// offered: nothing recorded here would belong in an accounting otherwise.
/// </summary>
public sealed record DisclosureBasis(string Code, string Label)
{
    public static readonly IReadOnlyList<DisclosureBasis> All =
    [
        new("RequiredByLaw", "Required by law (164.512(a))"),
        new("PublicHealth", "Public health reporting (164.512(b))"),
        new("AbuseNeglect", "Report of abuse, neglect or domestic violence (164.512(c))"),
        new("HealthOversight", "Health oversight (164.512(d))"),
        new("JudicialProceeding", "Court order or subpoena (164.512(e))"),
        new("LawEnforcement", "Law enforcement (164.512(f))"),
        new("Decedent", "Coroner, medical examiner or funeral director (164.512(g))"),
        new("OrganDonation", "Organ, eye or tissue donation (164.512(h))"),
        new("Research", "Research under a waiver of authorization (164.512(i))"),
        new("SeriousThreat", "To avert a serious threat to health or safety (164.512(j))"),
        new("Military", "Military or veterans' affairs (164.512(k)(1))"),
        new("WorkersCompensation", "Workers' compensation (164.512(l))"),
        new("NotPermitted", "Disclosure not permitted by the Privacy Rule (e.g. records sent to the wrong person)"),
    ];

    public static DisclosureBasis? Find(string? code) =>
        All.FirstOrDefault(b => string.Equals(b.Code, code?.Trim(), StringComparison.Ordinal));
}

/// <summary>How records left the department, as the accounting names it.</summary>
public static class DisclosureMethods
{
    /// <summary>Methods a clerk records by hand; the lifecycle writes Mail, SecureEmail, Portal and Pickup itself.</summary>
    public static readonly IReadOnlyList<string> Recordable = ["Mail", "Fax", "SecureEmail", "Electronic", "Phone", "InPerson", "Other"];

    public static string Describe(string method) => method switch
    {
        "SecureEmail" => "Secure e-mail",
        "UnencryptedEmail" => "E-mail, unencrypted at the patient's request",
        "Portal" => "Portal download",
        "Pickup" => "Picked up",
        "Electronic" => "Electronic exchange",
        "InPerson" => "In person",
        _ => method,
    };
}
