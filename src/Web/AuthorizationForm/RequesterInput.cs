using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>Section 1 of the form, the person asking: who they are to the patient, and how to reach them.</summary>
public sealed class RequesterInput
{
    public RequesterType? Type { get; set; }
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? Name { get; set; }
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? Organisation { get; set; }
    public RepresentativeAuthority? Authority { get; set; }
    [StringLength(1000, ErrorMessage = "Use at most {1} characters.")] public string? AuthorityDescription { get; set; }
    [StringLength(40, ErrorMessage = "Use at most {1} characters.")] public string? Phone { get; set; }
    [StringLength(254, ErrorMessage = "Use at most {1} characters.")] public string? Email { get; set; }

    public bool IsPatient => Type is null or RequesterType.Patient;

    public bool IsRepresentative => Type == RequesterType.PersonalRepresentative;

    /// <summary>
    /// The person asking as the domain holds them. When the patient asks, their name and contact are the patient's; a
    /// representative's authority, or an organisation, is kept only for those it applies to.
    /// </summary>
    public RequesterDetails ToDetails(PatientDetails patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return new RequesterDetails
        {
            Type = Type ?? RequesterType.Patient,
            Name = IsPatient ? patient.FullName : FormText.Text(Name),
            Organisation = IsPatient || IsRepresentative ? null : FormText.Optional(Organisation),
            Authority = IsRepresentative ? Authority ?? RepresentativeAuthority.None : RepresentativeAuthority.None,
            AuthorityDescription = IsRepresentative ? FormText.Optional(AuthorityDescription) : null,
            Phone = IsPatient ? patient.Phone : FormText.Optional(Phone),
            Email = IsPatient ? patient.Email : FormText.Optional(Email),
        };
    }
}
