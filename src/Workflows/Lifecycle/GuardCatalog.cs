using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>The guards a definition may name. Conditions on the request live here, not in page handlers.</summary>
public sealed class GuardCatalog
{
    private readonly Dictionary<string, Guard> _guards;

    public GuardCatalog(IEnumerable<Guard> guards) => _guards = guards.ToDictionary(g => g.Name, StringComparer.Ordinal);

    public static GuardCatalog Default { get; } = new(
    [
        new("DecisionPermitsRelease", "the release decision is to release (with or without withheld categories)",
            c => c.Request.Decision is ReleaseDecisionKind.Release or ReleaseDecisionKind.ReleaseWithWithheld),
        new("DecisionHoldsForInformation", "the release rules found authorization elements missing",
            c => c.Request.Decision == ReleaseDecisionKind.HoldForInformation && c.Request.MissingElements.Count > 0),
        new("RecordsHeldElsewhere", "the records are another facility's or an excluded organization's, or the rules propose a redirect",
            c => c.Request.Decision == ReleaseDecisionKind.Redirect
                || c.Request.Locations.Any(l => l != RecordsLocation.MedicalGroup)),
        new("PagesCounted", "the pages have been counted", c => c.Request.Pages.Total > 0),
        new("ReleasePackageAttached", "the release package is attached for electronic delivery",
            c => c.Request.Delivery is DeliveryMethod.Mail or DeliveryMethod.Pickup
                || c.Request.Documents.Any(d => d.Kind == DocumentKind.ReleasePackage)),
        new("ReviewerIsNotCompiler", "a second person, not the one who compiled the records, approves",
            c => c.Request.CompiledBy is null || c.Request.CompiledBy != c.Actor.Id),
        new("FeeDue", "a fee is due", c => c.Request.BalanceDue > 0),
        new("NoFeeDue", "no fee is due (none, paid or waived)", c => c.Request.BalanceDue == 0),
        new("DeliveryByMail", "the records go by mail", c => c.Request.Delivery == DeliveryMethod.Mail),
        new("DeliveryBySecureEmail", "the records go by secure e-mail", c => c.Request.Delivery == DeliveryMethod.SecureEmail),
        new("DeliveryByEmail", "the records go by e-mail (encrypted, or unencrypted at the patient's request)", c => c.Request.DeliveredByEmail),
        new("PassphraseKept", "the passphrase for the encrypted file is still kept", c => c.Request.ProtectedEmailPassphrase is not null),
        new("DeliveryByPortal", "the records go to the secure online portal", c => c.Request.Delivery == DeliveryMethod.Portal),
        new("DeliveryByPickup", "the records are picked up", c => c.Request.Delivery == DeliveryMethod.Pickup),
        new("PatientAged12To17", "the patient is 12 to 17 years old",
            c => !c.Request.Patient.IsDeceased && c.Request.Patient.AgeOn(c.Clock.Today) is >= 12 and < 18),
        new("NotYetExtended", "the deadline has not been extended before", c => c.Request.ExtendedDueOn is null),
        new("WithinFirstThirtyDays", "the first 30 days have not ended", c => c.Clock.Today <= c.Request.DueOn),
    ]);

    public bool Contains(string name) => _guards.ContainsKey(name);

    public Guard Get(string name) => _guards.TryGetValue(name, out var guard)
        ? guard
        : throw new KeyNotFoundException($"Unknown guard '{name}'.");
}
