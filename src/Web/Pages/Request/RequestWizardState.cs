using BackOffice.Web.AuthorizationForm;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// The online request so far, kept between steps by <see cref="WizardStore"/>: the form as typed (dates stay text until
/// the draft is built) and which steps passed their checks.
/// </summary>
public sealed class RequestWizardState
{
    /// <summary>One per filled-in form; a second submission with the same id shows the first one's confirmation.</summary>
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Steps whose answers passed their checks; a later step cannot be opened before the earlier ones.</summary>
    public List<RequestStep> Completed { get; set; } = [];

    /// <summary>The answers, field for field the paper form's; a new form asks for this medical group's records.</summary>
    public AuthorizationFormInput Form { get; set; } = new() { Locations = [RecordsLocation.MedicalGroup] };
}
