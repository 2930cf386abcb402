using System.Collections.Frozen;
using System.Text.RegularExpressions;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Retention;
using BackOffice.Workflows.RuleSets;

namespace BackOffice.Web.Labels;

/// <summary>
/// The one place that turns the app's identifiers into the words staff read, on every staff screen, export and
/// staff message: each value of the enums a screen shows, the lifecycle's states and actions (triggers), the inputs
/// kept with an action, message and document types, audit actions, rule-set changes and roles. Identifiers stay what
/// is stored and posted; only what is shown goes through here. The requester-facing choices of the request pages are
/// worded for the requester ("Me: I am the patient") in <see cref="AuthorizationForm.RequestLabels"/>.
/// </summary>
public static partial class PlainWords
{
    private static readonly FrozenDictionary<Enum, string> EnumWords = new Dictionary<Enum, string>
    {
        [RequesterType.Patient] = "The patient",
        [RequesterType.PersonalRepresentative] = "The patient's personal representative",
        [RequesterType.Attorney] = "An attorney or law firm",
        [RequesterType.Insurer] = "An insurance company",
        [RequesterType.Provider] = "Another doctor, hospital or clinic",
        [RequesterType.OtherThirdParty] = "An employer or someone else",

        [RepresentativeAuthority.None] = "No authority given",
        [RepresentativeAuthority.ParentOfMinor] = "Parent of a patient under 18",
        [RepresentativeAuthority.Guardian] = "Legal guardian",
        [RepresentativeAuthority.HealthCarePowerOfAttorney] = "Agent under a health-care power of attorney",
        [RepresentativeAuthority.Executor] = "Executor of the patient's estate",
        [RepresentativeAuthority.Administrator] = "Administrator of the patient's estate",
        [RepresentativeAuthority.AuthorizedRelative] = "Authorized relative of a patient who has died",
        [RepresentativeAuthority.Other] = "Other legal authority",

        [DeceasedRelation.None] = "No relation given",
        [DeceasedRelation.SurvivingSpouse] = "Surviving spouse",
        [DeceasedRelation.AdultChild] = "Adult child",
        [DeceasedRelation.Parent] = "Parent of the patient",
        [DeceasedRelation.AdultSibling] = "Adult brother or sister",

        [RequestChannel.Online] = "Online request",
        [RequestChannel.Paper] = "Paper form",
        [RequestChannel.Api] = "Requester organization (API)",

        [DeliveryMethod.Mail] = "By mail",
        [DeliveryMethod.SecureEmail] = "Secure e-mail (encrypted file)",
        [DeliveryMethod.Portal] = "Secure online portal",
        [DeliveryMethod.Pickup] = "Pickup in person",
        [DeliveryMethod.UnencryptedEmail] = "Unencrypted e-mail (patient's own records, at the patient's risk)",

        [DocumentKind.PhotoId] = "Photo ID",
        [DocumentKind.AuthorizationScan] = "Scan of the signed form",
        [DocumentKind.Supporting] = "Supporting document",
        [DocumentKind.ReleasePackage] = "Release package",
        [DocumentKind.Generated] = "Letter or invoice made by the app",

        [RequestPurpose.AtRequestOfIndividual] = "At the patient's request (personal use)",
        [RequestPurpose.ContinuingCare] = "Continuing care by another provider",
        [RequestPurpose.Legal] = "A legal matter",
        [RequestPurpose.Insurance] = "An insurance matter",
        [RequestPurpose.Employment] = "An employment matter",
        [RequestPurpose.VeteransDisability] = "A veterans' disability benefits claim",
        [RequestPurpose.SocialSecurity] = "A Social Security disability claim",
        [RequestPurpose.SSI] = "A Supplemental Security Income (SSI) claim",
        [RequestPurpose.AABD] = "An Aid to the Aged, Blind or Disabled (AABD) claim",
        [RequestPurpose.Other] = "Another purpose",

        [SensitiveCategory.MentalHealth] = "Mental health and developmental disabilities records",
        [SensitiveCategory.PsychotherapyNotes] = "Psychotherapy notes",
        [SensitiveCategory.Hiv] = "HIV test information",
        [SensitiveCategory.Genetic] = "Genetic testing information",
        [SensitiveCategory.SubstanceUseDisorder] = "Substance use disorder records (42 CFR Part 2)",
        [SensitiveCategory.MinorConsentedServices] = "Care a minor consented to on their own",
        [SensitiveCategory.SexuallyTransmittedInfection] = "Care for a sexually transmitted infection",

        [ReleaseDecisionKind.Release] = "Release the records",
        [ReleaseDecisionKind.ReleaseWithWithheld] = "Release, withholding some categories",
        [ReleaseDecisionKind.HoldForInformation] = "Hold for missing information",
        [ReleaseDecisionKind.Redirect] = "Redirect the requester elsewhere",
        [ReleaseDecisionKind.Deny] = "Deny the request",

        [MinorObjection.NotAsked] = "Not asked yet",
        [MinorObjection.InformedDoesNotObject] = "Told, and does not object",
        [MinorObjection.Objects] = "Told, and objects",

        [TherapistFinding.NotAsked] = "Not asked yet",
        [TherapistFinding.NotDetrimental] = "No compelling reason to deny the access",
        [TherapistFinding.Detrimental] = "Compelling reasons to deny the access (the parent may petition a court)",

        [RecordFormat.Paper] = "Paper copies",
        [RecordFormat.Electronic] = "Electronic copies (PDF)",

        [RequestKind.Access] = "Access (the patient's own records)",
        [RequestKind.Authorization] = "Authorization (release to a third party)",

        [PaymentMethod.CreditCardByPhone] = "Credit card by phone",
        [PaymentMethod.Check] = "Paper check",

        [RecordsLocation.MedicalGroup] = "Our clinics and offices",
        [RecordsLocation.OtherFacility] = "Another hospital, clinic or doctor",
        [RecordsLocation.ExcludedOrganisation] = "An organization whose records we do not hold",

        [OutboxKind.RequesterMessage] = "Message to the requester",
        [OutboxKind.StaffMessage] = "Message to staff",
        [OutboxKind.Document] = "Letter or invoice",
        [OutboxKind.Webhook] = "Status event to the organization's webhook",

        [RuleSetStatus.Draft] = "Draft (not yet published)",
        [RuleSetStatus.Published] = "Published (in force from its date)",
        [RuleSetStatus.Withdrawn] = "Withdrawn (rolled back)",

        [AccountingView.Required] = "Required in an accounting",
        [AccountingView.All] = "Every disclosure logged",

        [RetentionStage.Kept] = "Kept in full",
        [RetentionStage.PatientKeptForAccounting] = "Reduced; the patient's name, date of birth and MRN kept for the accounting of disclosures",
        [RetentionStage.Reduced] = "Reduced to what the audit needs",
    }.ToFrozenDictionary();

    /// <summary>Every enum type whose values have words here (each value of each is listed above).</summary>
    public static IReadOnlyCollection<Type> EnumTypes { get; } = EnumWords.Keys.Select(k => k.GetType()).Distinct().ToList();

    private static readonly FrozenDictionary<string, string> StateWords = new Dictionary<string, string>
    {
        ["Received"] = "Received",
        ["NeedsInformation"] = "Needs information from the requester",
        ["Verified"] = "Verified",
        ["InFulfillment"] = "In fulfillment",
        ["QualityReview"] = "In quality review",
        ["AwaitingPayment"] = "Awaiting payment",
        ["ReadyForRelease"] = "Ready for release",
        ["Mailed"] = "Mailed",
        ["SendingByEmail"] = "Sending by e-mail",
        ["SentSecurely"] = "Sent by e-mail",
        ["PublishedToPortal"] = "Published to the portal",
        ["AwaitingPickup"] = "Awaiting the pickup call",
        ["PickupScheduled"] = "Pickup scheduled",
        ["PickedUp"] = "Picked up",
        ["Completed"] = "Completed",
        ["Redirected"] = "Redirected",
        ["Denied"] = "Denied",
        ["Cancelled"] = "Cancelled",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> TriggerWords = new Dictionary<string, string>
    {
        [LifecycleEngine.SubmitTrigger] = "Request logged",
        ["Hold"] = "Held for missing information",
        ["RequestInformation"] = "Request missing information",
        ["InformationReceived"] = "Information received",
        ["Reevaluate"] = "Re-evaluate with current rules",
        ["Verify"] = "Verify",
        ["Redirect"] = "Redirect",
        ["Deny"] = "Deny",
        ["StartFulfillment"] = "Start fulfillment",
        ["RecordPages"] = "Record page counts and contents",
        ["SubmitForReview"] = "Submit for quality review",
        ["SendBack"] = "Send back for changes",
        ["Approve"] = "Approve",
        ["RecordPayment"] = "Record payment",
        ["PaidInFull"] = "Paid in full",
        ["WaiveFee"] = "Waive fee",
        ["Mail"] = "Mark mailed",
        ["SendSecurely"] = "Send by e-mail",
        ["EmailHandedOff"] = "E-mail handed to the mail server",
        ["UseSecureLink"] = "Secure link used instead of the encrypted file",
        ["PublishToPortal"] = "Publish to the portal",
        ["Downloaded"] = "Downloaded from the portal",
        ["PortalLinkExpired"] = "Portal link expired",
        ["AwaitPickupCall"] = "Wait for the pickup call",
        ["SchedulePickup"] = "Schedule pickup",
        ["PickedUp"] = "Mark picked up",
        ["Complete"] = "Complete",
        ["ExtendDeadline"] = "Extend deadline",
        ["Assign"] = "Assign",
        ["Cancel"] = "Cancel the request",
        ["RecordMinorReview"] = "Record the minor's answer and the therapist's finding",
        ["ForgotPassphrase"] = "Send a secure link instead of the encrypted file",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The inputs an action keeps in the journal (see <c>DetailsActionInputs</c>), as the journal names them.</summary>
    private static readonly FrozenDictionary<string, string> InputWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["missing"] = "Missing",
        ["identityChecked"] = "Identity checked",
        ["redirectTo"] = "Redirected to",
        ["basis"] = "Basis",
        ["reviewable"] = "Denial may be reviewed",
        ["assignee"] = "Assigned to",
        ["days"] = "Extra days",
        ["reason"] = "Reason",
        ["paper"] = "Paper pages",
        ["electronic"] = "Electronic pages",
        ["microfiche"] = "Microfiche pages",
        ["film"] = "Film pages",
        ["postage"] = "Postage ($)",
        [StandardActivities.ContentsCheckedInput] = "Contents checked",
        ["exclusionsApplied"] = "Withheld categories removed",
        ["objection"] = "The minor's answer",
        ["finding"] = "The therapist's finding",
        ["method"] = "Payment method",
        ["amount"] = "Amount ($)",
        ["checkNumber"] = "Check number",
        ["pickupAt"] = "Pickup at",
        ["arrangedWith"] = "Arranged with",
        ["photoIdChecked"] = "Photo ID checked",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Messages to requesters (<c>Notify:X</c>), to staff (<c>NotifyStaff:X</c>) and documents (<c>Produce:X</c>).</summary>
    private static readonly FrozenDictionary<string, string> MessageWords = new Dictionary<string, string>
    {
        ["Received"] = "Request received",
        ["request.received"] = "Request received",
        ["request.needs_information"] = "Information needed",
        ["request.invoice_issued"] = "Invoice issued",
        ["request.released"] = "Records released",
        ["request.completed"] = "Request completed",
        ["request.cancelled"] = "Request cancelled",
        ["request.denied"] = "Request denied",
        ["request.redirected"] = "Request redirected",
        ["webhook.test"] = "Test event",
        ["NeedsInformation"] = "Information needed",
        ["MissingInformationReminder"] = "Reminder: information still needed",
        ["DeadlineExtended"] = "Deadline extended",
        ["InvoiceIssued"] = "Invoice issued",
        ["PaymentReceived"] = "Payment received",
        ["PaymentReminder"] = "Payment reminder",
        ["Mailed"] = "Records mailed",
        ["SentSecurely"] = "Records sent by e-mail",
        ["RecordsByEmail"] = "The records by e-mail",
        ["PublishedToPortal"] = "Records on the portal",
        ["ReadyForPickup"] = "Ready for pickup",
        ["PickupScheduled"] = "Pickup scheduled",
        ["Completed"] = "Request completed",
        ["Redirected"] = "Ask elsewhere",
        ["Denied"] = "Request denied",
        ["Cancelled"] = "Request cancelled",
        ["DueWarning"] = "Due date coming up",
        ["Overdue"] = "Overdue",
        ["PickupCallNeeded"] = "Pickup call needed",
        ["PickupFollowUp"] = "Pickup not yet arranged",
        ["PortalLinkExpired"] = "Portal link expired unused",
        ["Invoice"] = "Invoice",
        ["CoverLetter"] = "Cover letter",
        ["MissingInformationLetter"] = "Missing-information letter",
        ["RedirectLetter"] = "Redirect letter",
        ["DenialLetter"] = "Denial letter",
        ["ExtensionNotice"] = "Extension notice",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What the audit trail records (<see cref="Workflows.Auditing.AuditEntry.Action"/>); "Action:X" is lifecycle action X.</summary>
    private static readonly FrozenDictionary<string, string> AuditWords = new Dictionary<string, string>
    {
        ["ViewRequest"] = "Opened a request",
        ["ViewDocument"] = "Viewed a document",
        ["AddNote"] = "Added a note",
        ["UploadDocument"] = "Uploaded a release package",
        ["RetryMessage"] = "Retried a message",
        ["DismissMessage"] = "Dismissed a message",
        ["ViewQueue"] = "Viewed the work queue",
        ["ViewIncidents"] = "Viewed messages not sent",
        ["ViewMailing"] = "Viewed the mailing batch",
        ["CreateMailingBatch"] = "Created a mailing batch",
        ["DownloadMailingBatch"] = "Downloaded a mailing batch",
        ["PaperIntake"] = "Keyed in a paper form",
        ["ViewDashboard"] = "Viewed the dashboard",
        ["ViewAudit"] = "Searched the audit trail",
        ["ViewSentMessages"] = "Listed sent messages",
        ["ViewSentMessage"] = "Read a sent message",
        ["RegisterOrganisation"] = "Registered a requester organization",
        ["IssueApiKey"] = "Issued an API key",
        ["RevokeApiKey"] = "Revoked an API key",
        ["SetWebhook"] = "Set an organization's webhook",
        ["RemoveWebhook"] = "Removed an organization's webhook",
        ["SendTestWebhook"] = "Sent a test event to an organization's webhook",
        ["disclosures.viewed"] = "Viewed an accounting of disclosures",
        ["disclosures.exported.csv"] = "Downloaded an accounting of disclosures (CSV)",
        ["disclosures.exported.pdf"] = "Downloaded an accounting of disclosures (PDF)",
        ["disclosures.recorded"] = "Recorded a disclosure without authorization",
        ["RetentionPurge"] = "Removed a closed request's documents and personal data (retention policy)",
        ["RetentionRun"] = "Ran the retention policy",
        ["RetentionDryRun"] = "Dry run of the retention policy (nothing removed)",
        ["ViewRetention"] = "Viewed the retention report",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> RuleSetChangeWords = new Dictionary<string, string>
    {
        ["Seeded"] = "Loaded from the shipped rule files",
        ["DraftCreated"] = "Draft created",
        ["DraftEdited"] = "Draft edited",
        ["Published"] = "Published",
        ["RolledBack"] = "Rolled back",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> RoleWords = new Dictionary<string, string>
    {
        [LifecycleRoles.Clerk] = "Clerk",
        [LifecycleRoles.RulesAdmin] = "Rules administrator",
        [LifecycleRoles.Supervisor] = "Supervisor",
        [LifecycleRoles.Requester] = "Requester",
        [LifecycleRoles.System] = "the app itself",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The prefix of an audited lifecycle action ("Action:Approve").</summary>
    public const string AuditActionPrefix = "Action:";

    /// <summary>The words for an enum value; an unlisted value (a new one) is split into words rather than shown as is.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        EnumWords.TryGetValue(value, out var words) ? words : Split(value.ToString());

    /// <summary>Whether <paramref name="value"/> has its own words here (for tests: a new enum value needs them).</summary>
    public static bool Has(Enum value) => EnumWords.ContainsKey(value);

    /// <summary>The words for a value of any enum, boxed (for tests and generic callers).</summary>
    public static string OfAny(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return EnumWords.TryGetValue(value, out var words) ? words : Split(value.ToString());
    }

    public static string State(string state) => Lookup(StateWords, state);

    public static bool HasState(string state) => StateWords.ContainsKey(state);

    /// <summary>A lifecycle action, as its button and the journal name it.</summary>
    public static string Trigger(string trigger) => Lookup(TriggerWords, trigger);

    /// <summary>As <see cref="Trigger(string)"/>, with the definition's own label for an action that has no words here yet.</summary>
    public static string Trigger(string trigger, string? definitionLabel) =>
        TriggerWords.TryGetValue(trigger, out var words) ? words : string.IsNullOrWhiteSpace(definitionLabel) ? Split(trigger) : definitionLabel;

    public static bool HasTrigger(string trigger) => TriggerWords.ContainsKey(trigger);

    public static string Input(string name) =>
        ContainedCategory(name) is { } category ? "The records contain: " + Of(category) : Lookup(InputWords, name);

    public static bool HasInput(string name) => InputWords.ContainsKey(name) || ContainedCategory(name) is not null;

    /// <summary>The category of a "the records contain …" box (<see cref="StandardActivities.ContainsInput"/>).</summary>
    private static SensitiveCategory? ContainedCategory(string name) =>
        Enum.GetValues<SensitiveCategory>().Cast<SensitiveCategory?>()
            .FirstOrDefault(c => string.Equals(StandardActivities.ContainsInput(c!.Value), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>An input's value as the journal shows it: "yes" for a ticked box, words for an enum's name.</summary>
    public static string InputValue(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "—";
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "on") return "yes";
        if (value.Equals("false", StringComparison.OrdinalIgnoreCase)) return "no";
        return name.ToUpperInvariant() switch
        {
            "METHOD" when Enum.TryParse<PaymentMethod>(value, out var method) => Of(method),
            "OBJECTION" when Enum.TryParse<MinorObjection>(value, out var objection) => Of(objection),
            "FINDING" when Enum.TryParse<TherapistFinding>(value, out var finding) => Of(finding),
            _ => value,
        };
    }

    /// <summary>A requester or staff message, or a document, by its type ("InvoiceIssued").</summary>
    public static string Message(string type) => Lookup(MessageWords, type);

    public static bool HasMessage(string type) => MessageWords.ContainsKey(type);

    public static string AuditAction(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.StartsWith(AuditActionPrefix, StringComparison.Ordinal))
            return "Action on a request: " + Trigger(action[AuditActionPrefix.Length..]);
        return Lookup(AuditWords, action);
    }

    public static bool HasAuditAction(string action) =>
        action.StartsWith(AuditActionPrefix, StringComparison.Ordinal) ? HasTrigger(action[AuditActionPrefix.Length..]) : AuditWords.ContainsKey(action);

    public static string RuleSetChange(string action) => Lookup(RuleSetChangeWords, action);

    public static bool HasRuleSetChange(string action) => RuleSetChangeWords.ContainsKey(action);

    public static string Role(string role) => Lookup(RoleWords, role);

    /// <summary>
    /// A disclosure's description as the accounting of disclosures shows it (screen, CSV, PDF): a release through a request
    /// stores the categories withheld by name (<see cref="Disclosure.WithheldSeparator"/>), shown here in their words, so rows
    /// stored before read the same. What a clerk typed for a disclosure without a request is shown as typed.
    /// </summary>
    public static string DisclosureDescription(AccountingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.RequestId is null) return entry.Description;
        var (released, withheld) = Disclosure.ReadDescription(entry.Description);
        return withheld.Count == 0
            ? released
            : released + Disclosure.WithheldSeparator + string.Join(", ", withheld.Select(name => Named<SensitiveCategory>(name) is { } category ? Of(category) : name));
    }

    /// <summary>A disclosure's purpose as the accounting shows it: a release through a request whose requester gave no purpose
    /// of their own stores the <see cref="RequestPurpose"/> by name, shown in its words; anything else as written.</summary>
    public static string DisclosurePurpose(AccountingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.RequestId is not null && Named<RequestPurpose>(entry.Purpose) is { } purpose ? Of(purpose) : entry.Purpose;
    }

    /// <summary>The value whose name is exactly <paramref name="name"/> (not a number, not in another case), or null.</summary>
    private static TEnum? Named<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<TEnum>(name) : null;

    /// <summary>"InFulfillment" → "In fulfillment", "SSIClaim" → "SSI claim": the last resort for a name with no words yet.</summary>
    public static string Split(string name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        var parts = WordBoundary().Split(name).Where(p => p.Length > 0).ToList();
        // Acronyms keep their capitals; other words are lower case after the first.
        return string.Join(' ', parts.Select((part, i) => i == 0 || part.All(char.IsUpper) ? part : part.ToLowerInvariant()));
    }

    [GeneratedRegex(@"[._:\s]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();

    private static string Lookup(FrozenDictionary<string, string> words, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return words.TryGetValue(name, out var found) ? found : Split(name);
    }
}
