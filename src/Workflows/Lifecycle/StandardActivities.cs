using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>The activities the records-request lifecycle can name. Each validates its own inputs.</summary>
public static class StandardActivities
{
    public static ActivityCatalog Create(IRequestEvaluator evaluator) => new(
    [
        new("EvaluateRelease", "evaluate the release rules", (c, _) => EvaluateRelease(c, evaluator)),
        new("ComputeFee", "compute the fee from the rules", (c, _) => ComputeFee(c, evaluator)),
        new("ConfirmIdentity", "confirm the requester's identity was checked", (c, _) =>
        {
            if (!c.Args.Flag("identityChecked"))
                throw new DomainException("Confirm that you checked the requester's identity.", "identityChecked");
        }),
        new("RecordMissingInformation", "record what information is missing", (c, _) =>
        {
            var named = c.Args.List("missing");
            c.Request.RequestInformation(named.Count > 0 ? named : c.Request.MissingElements);
        }),
        new("RecordPageCounts", "record the page counts", (c, _) => c.Request.RecordPages(
            new PageCounts
            {
                Paper = c.Args.WholeNumber("paper"),
                Electronic = c.Args.WholeNumber("electronic"),
                Microfiche = c.Args.WholeNumber("microfiche"),
                Film = c.Args.WholeNumber("film"),
            },
            c.Args.Amount("postage"))),
        new("RecordContents", "record which sensitive categories the compiled records contain", (c, _) =>
        {
            // Unticked means "not present", so the clerk confirms the records were checked: silence must not release.
            if (!c.Args.Flag(ContentsCheckedInput))
                throw new DomainException("Confirm that you checked the compiled records for each sensitive category.", ContentsCheckedInput);
            c.Request.RecordContents(Enum.GetValues<SensitiveCategory>().Where(category => c.Args.Flag(ContainsInput(category))));
        }),
        new("RecordMinorReview", "record the minor's answer and the therapist's finding", (c, _) => c.Request.RecordMinorReview(
            ParseChoice<MinorObjection>(c.Args.Text("objection"), "objection", "Choose what the patient said when told of the request."),
            ParseChoice<TherapistFinding>(c.Args.Text("finding"), "finding", "Choose the therapist's finding."))),
        new("ConfirmExclusions", "confirm withheld categories were removed", (c, _) =>
        {
            if (c.Request.WithheldCategories.Count > 0 && !c.Args.Flag("exclusionsApplied"))
                throw new DomainException(
                    "Confirm that the withheld categories (" + string.Join(", ", c.Request.WithheldCategories) + ") were removed.",
                    "exclusionsApplied");
        }),
        new("RecordCompiler", "record who compiled the records", (c, _) => c.Request.MarkCompiledBy(c.Actor.Id)),
        new("RequireReason", "require a reason", (c, _) =>
        {
            if (c.Args.Comment is null) throw new DomainException("Give a reason.", "comment");
        }),
        new("RecordDenial", "record the denial basis", (c, _) =>
        {
            var reviewable = c.Args.Flag("reviewable");
            if (reviewable && !c.Actor.IsInRole(LifecycleRoles.Supervisor))
                throw new DomainException("A reviewable denial must be made by a supervisor.", "reviewable");
            c.Request.Deny(c.Args.RequiredText("basis", "Give the basis for the denial."), reviewable);
        }),
        new("RecordRedirect", "record where the requester should ask", (c, _) =>
            c.Request.Redirect(c.Args.Text("redirectTo") ?? c.Request.RedirectTo ?? c.Request.OtherFacilityName ?? "")),
        new("RecordPayment", "record a payment", (c, _) => c.Request.RecordPayment(
            Payment.ParseMethod(c.Args.Text("method")),
            c.Args.Amount("amount"),
            c.Args.Text("checkNumber"),
            c.Actor.Id,
            c.Clock.Now)),
        new("WaiveFee", "waive the fee", (c, _) => c.Request.WaiveFee(c.Args.Text("reason") ?? c.Args.Comment ?? "")),
        new("ExtendDeadline", "extend the deadline", (c, _) =>
        {
            c.Request.ExtendDeadline(c.Args.WholeNumber("days"), c.Args.Text("reason") ?? c.Args.Comment ?? "", c.Clock.Today);
            c.DueDateChanged = true;
        }),
        new("Assign", "assign the request", (c, _) => c.Request.Assign(c.Args.Text("assignee"))),
        new("SchedulePickup", "record the pickup appointment", (c, _) => c.Request.SchedulePickup(
            c.Args.RequiredDateTime("pickupAt", "Enter the date and time of the pickup."),
            c.Args.Text("arrangedWith") ?? "",
            c.Clock.Now)),
        new("ConfirmPickupIdentity", "confirm the photo ID of the patient or legal representative", (c, _) =>
        {
            if (!c.Args.Flag("photoIdChecked"))
                throw new DomainException("Check the photo ID of the patient or legal representative before handing over records.", "photoIdChecked");
        }),
        new("RecordCancellation", "record why the request was cancelled", (c, _) =>
            c.Request.Cancel(c.Args.Text("reason") ?? c.Args.Comment ?? "")),
        new("Notify", "notify the requester", (c, template) => c.Enqueue(OutboxKind.RequesterMessage, template!), TakesArgument: true),
        // The acknowledgement of a new request says it arrived and gives its tracking number and due date. A requester
        // organisation's software already has both in the API's 201 answer (and a registered webhook gets
        // request.received): an e-mail for each call would only repeat it, by the hundred a day for a busy sender.
        new("Acknowledge", "acknowledge the request to the requester, unless the API's answer did",
            (c, template) =>
            {
                if (c.Request.Channel != RequestChannel.Api) c.Enqueue(OutboxKind.RequesterMessage, template!);
            },
            TakesArgument: true),
        new("NotifyStaff", "notify staff", (c, template) => c.Enqueue(OutboxKind.StaffMessage, template!), TakesArgument: true),
        new("Produce", "produce a document", (c, document) => c.Enqueue(OutboxKind.Document, document!), TakesArgument: true),
        // "LogDisclosure:Email" logs the e-mail the request was sent by: SecureEmail, or UnencryptedEmail.
        new("LogDisclosure", "log the disclosure", (c, method) => c.LogDisclosure(Disclosure.For(c.Request,
            method == "Email" ? c.Request.Delivery.ToString() : method!, c.Clock.Now)), TakesArgument: true),
        new("ErasePassphrase", "erase the passphrase of the encrypted file", (c, _) => c.Request.ErasePassphrase()),
        new("CloseRequest", "close the request", (c, _) =>
        {
            c.Request.Close(c.Clock.Now);
            c.Closed = true;
        }),
    ]);

    /// <summary>The input confirming the compiled records were checked for sensitive categories.</summary>
    public const string ContentsCheckedInput = "contentsChecked";

    /// <summary>The input saying the compiled records contain <paramref name="category"/> ("containsMentalHealth").</summary>
    public static string ContainsInput(SensitiveCategory category) => "contains" + category;

    private static T ParseChoice<T>(string? text, string field, string message) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : throw new DomainException(message, field);

    private static void EvaluateRelease(ActivityContext context, IRequestEvaluator evaluator)
    {
        var release = evaluator.AssessRelease(context.Request, context.Clock.Today);
        context.Request.ApplyDecision(release.Decision, release.Summary, release.MissingElements, release.Withheld,
            release.RedirectTo, release.RuleSetVersion);
        context.RuleSetVersionUsed = release.RuleSetVersion;
    }

    private static void ComputeFee(ActivityContext context, IRequestEvaluator evaluator)
    {
        var fee = evaluator.AssessFee(context.Request, context.Clock.Today);
        context.Request.ApplyFee(fee.Total, fee.Lines, fee.RuleSetVersion);
        context.RuleSetVersionUsed = fee.RuleSetVersion;
    }
}
