using System.ComponentModel.DataAnnotations;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Step 6: the purpose (optional for the patient's own access) and, for an authorization, when it ends. An
/// authorization is asked for its purpose and expiry here rather than held for them later: the form can ask now,
/// a hold costs the requester a letter and weeks.
/// </summary>
public sealed class PurposeModel(WizardStore store, DepartmentClock clock, LocalizedSite site)
    : RequestStepModel(RequestStep.Purpose, store, clock, site)
{
    [BindProperty] public RequestPurpose? Purpose { get; set; }
    [BindProperty, StringLength(300, ErrorMessage = "Use at most {1} characters.")] public string? PurposeDetail { get; set; }
    [BindProperty, StringLength(20, ErrorMessage = "Enter the date as 12/31/2027.")] public string? ExpiresOn { get; set; }
    [BindProperty, StringLength(300, ErrorMessage = "Use at most {1} characters.")] public string? ExpiryEvent { get; set; }

    /// <summary>The day the end-date hint uses as its example, written as the reader types a date (DateText.Numeric).</summary>
    public static readonly DateOnly ExampleEndDate = new(2027, 12, 31);

    /// <summary>Purposes in the order offered: the benefit claims that make copies free come right after the common ones.</summary>
    public static IReadOnlyList<RequestPurpose> Offered { get; } =
    [
        RequestPurpose.AtRequestOfIndividual, RequestPurpose.ContinuingCare, RequestPurpose.VeteransDisability, RequestPurpose.SocialSecurity,
        RequestPurpose.SSI, RequestPurpose.AABD, RequestPurpose.Legal, RequestPurpose.Insurance, RequestPurpose.Employment, RequestPurpose.Other,
    ];

    protected override void Show(AuthorizationFormInput form)
    {
        Purpose = form.Purpose;
        PurposeDetail = form.PurposeDetail;
        ExpiresOn = form.ExpiresOn;
        ExpiryEvent = form.ExpiryEvent;
    }

    protected override void Keep(AuthorizationFormInput form)
    {
        form.Purpose = Purpose;
        form.PurposeDetail = PurposeDetail;
        form.ExpiresOn = ExpiresOn;
        form.ExpiryEvent = ExpiryEvent;
    }
}
