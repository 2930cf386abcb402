using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Step 6: the purpose (optional for the patient's own access) and, for an authorization, when it ends. An
/// authorization is asked for its purpose and expiry here rather than held for them later: the form can ask now,
/// a hold costs the requester a letter and weeks.
/// </summary>
public sealed class PurposeModel(WizardStore store, DepartmentClock clock, IOptions<SiteOptions> site)
    : RequestStepModel(RequestStep.Purpose, store, clock, site)
{
    [BindProperty] public RequestPurpose? Purpose { get; set; }
    [BindProperty, StringLength(300, ErrorMessage = "Use at most 300 characters.")] public string? PurposeDetail { get; set; }
    [BindProperty, StringLength(20, ErrorMessage = "Enter the date as 12/31/2027.")] public string? ExpiresOn { get; set; }
    [BindProperty, StringLength(300, ErrorMessage = "Use at most 300 characters.")] public string? ExpiryEvent { get; set; }

    /// <summary>Purposes in the order offered: the benefit claims that make copies free come right after the common ones.</summary>
    public static IReadOnlyList<RequestPurpose> Offered { get; } =
    [
        RequestPurpose.AtRequestOfIndividual, RequestPurpose.ContinuingCare, RequestPurpose.VeteransDisability, RequestPurpose.SocialSecurity,
        RequestPurpose.SSI, RequestPurpose.AABD, RequestPurpose.Legal, RequestPurpose.Insurance, RequestPurpose.Employment, RequestPurpose.Other,
    ];

    protected override void Show(RequestWizardState state)
    {
        Purpose = state.Purpose;
        PurposeDetail = state.PurposeDetail;
        ExpiresOn = state.ExpiresOn;
        ExpiryEvent = state.ExpiryEvent;
    }

    protected override void Keep(RequestWizardState state)
    {
        state.Purpose = Purpose;
        state.PurposeDetail = PurposeDetail;
        state.ExpiresOn = ExpiresOn;
        state.ExpiryEvent = ExpiryEvent;
    }

    /// <summary>Nothing is required for the patient's own access; an authorization needs a purpose and an end.</summary>
    public static IEnumerable<FieldError> Check(RequestWizardState state, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Kind == RequestKind.Access) yield break;
        if (state.Purpose is null) yield return new("Purpose", "Choose the purpose of the release.");
        if (state.Purpose == RequestPurpose.Other && string.IsNullOrWhiteSpace(state.PurposeDetail))
            yield return new("PurposeDetail", "Describe the purpose of the release.");
        if (!DraftBuilder.IsDateOrBlank(state.ExpiresOn))
            yield return new("ExpiresOn", "Enter the end date as a real date, for example 12/31/2027.");
        else if (string.IsNullOrWhiteSpace(state.ExpiresOn) && state.Consents.Categories.Contains(SensitiveCategory.MentalHealth))
            yield return new("ExpiresOn", "Mental health records need an end date for the authorization (a date, not an event).");
        else if (string.IsNullOrWhiteSpace(state.ExpiresOn) && string.IsNullOrWhiteSpace(state.ExpiryEvent))
            yield return new("ExpiresOn", "Give the date or the event when this authorization ends.");
    }
}
