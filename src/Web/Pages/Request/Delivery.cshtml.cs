using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 5 (Section 4 of the form): how the copies are delivered, and paper or electronic.</summary>
public sealed class DeliveryModel(WizardStore store, DepartmentClock clock, IOptions<SiteOptions> site)
    : RequestStepModel(RequestStep.Delivery, store, clock, site)
{
    [BindProperty] public DeliveryMethod? Delivery { get; set; }
    [BindProperty] public RecordFormat? Format { get; set; }
    [BindProperty] public bool UnencryptedEmailRiskAccepted { get; set; }

    protected override void Show(RequestWizardState state)
    {
        Delivery = state.Delivery;
        Format = state.Format;
        UnencryptedEmailRiskAccepted = state.UnencryptedEmailRiskAccepted;
    }

    protected override void Keep(RequestWizardState state)
    {
        state.Delivery = Delivery;
        state.Format = Format;
        state.UnencryptedEmailRiskAccepted = UnencryptedEmailRiskAccepted;
    }

    /// <summary>The domain checks that mail has an address and e-mail or the portal an e-mail address.</summary>
    public static IEnumerable<FieldError> Check(RequestWizardState state, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Delivery is null) yield return new("Delivery", "Choose how the copies should be delivered.");
        if (state.Delivery == DeliveryMethod.SecureEmail && !state.UnencryptedEmailRiskAccepted)
            yield return new("UnencryptedEmailRiskAccepted", "Tick the box to accept the risk of e-mail, or choose another way to receive the copies.");
        if (state.Format is null) yield return new("Format", "Choose paper or electronic copies.");
        if (state.Delivery is DeliveryMethod.SecureEmail or DeliveryMethod.Portal && state.Format == RecordFormat.Paper)
            yield return new("Format", "E-mail and the portal deliver electronic copies. Choose electronic copies, or mail or pickup for paper.");
    }
}
