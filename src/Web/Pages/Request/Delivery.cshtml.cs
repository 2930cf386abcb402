using System.ComponentModel.DataAnnotations;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 5 (Section 4 of the form): how the copies are delivered, and paper or electronic.</summary>
public sealed class DeliveryModel(WizardStore store, DepartmentClock clock, LocalizedSite site)
    : RequestStepModel(RequestStep.Delivery, store, clock, site)
{
    [BindProperty] public DeliveryMethod? Delivery { get; set; }
    [BindProperty] public RecordFormat? Format { get; set; }
    [BindProperty] public bool UnencryptedEmailRiskAccepted { get; set; }
    [BindProperty, StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? PickupBy { get; set; }
    [BindProperty, StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? EmailPassphrase { get; set; }
    [BindProperty, StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? EmailPassphraseConfirm { get; set; }

    /// <summary>A passphrase was chosen before: the page does not show it, and keeps it unless a new one is typed.</summary>
    public bool PassphraseKept => !string.IsNullOrEmpty(Form.EmailPassphrase);

    /// <summary>The recipient as the request will hold them, whose address or e-mail the delivery uses.</summary>
    public RecipientDetails Recipient => Form.Recipient.ToDetails(Form.Receives, Form.Requester.Type ?? RequesterType.Patient);

    protected override void Show(AuthorizationFormInput form)
    {
        Delivery = form.Delivery;
        Format = form.Format;
        UnencryptedEmailRiskAccepted = form.UnencryptedEmailRiskAccepted;
        PickupBy = form.PickupBy;
    }

    protected override void Keep(AuthorizationFormInput form)
    {
        form.Delivery = Delivery;
        form.Format = Format;
        form.UnencryptedEmailRiskAccepted = UnencryptedEmailRiskAccepted;
        form.PickupBy = Delivery == DeliveryMethod.Pickup ? PickupBy : null;
        if (Delivery != DeliveryMethod.SecureEmail)
        {
            form.EmailPassphrase = form.EmailPassphraseConfirm = null;
        }
        else if (!string.IsNullOrEmpty(EmailPassphrase) || !string.IsNullOrEmpty(EmailPassphraseConfirm))
        {
            form.EmailPassphrase = EmailPassphrase;
            form.EmailPassphraseConfirm = EmailPassphraseConfirm;
        }
    }
}
