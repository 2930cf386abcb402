using System.Globalization;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>Words and numbers as the detail page shows them.</summary>
public static class DetailsFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal? amount) => amount is null ? "—" : amount.Value.ToString("C", English);

    public static string Day(DateOnly? day) => day is null ? "—" : DateText.Written(day.Value);

    public static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text;

    public static string YesNo(bool value) => value ? "Yes" : "No";

    /// <summary>"InFulfillment" → "In fulfillment".</summary>
    public static string Words(string name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        var words = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1])) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(c);
        }

        return words.ToString();
    }

    public static string Words<T>(T value) where T : struct, Enum => Words(value.ToString());

    public static string StateText(string state) => state switch
    {
        "NeedsInformation" => "Needs information from the requester",
        "InFulfillment" => "In fulfilment",
        "QualityReview" => "In quality review",
        "PublishedToPortal" => "Published to the portal",
        _ => Words(state),
    };

    public static string TriggerLabel(string trigger) => trigger switch
    {
        "StartFulfillment" => "Start fulfilment",
        "Reevaluate" => "Re-evaluate with current rules",
        "Mail" => "Mark mailed",
        "PickedUp" => "Mark picked up",
        "RecordPages" => "Record page counts",
        "RequestInformation" => "Request missing information",
        "RecordMinorReview" => "Record the minor's answer and the therapist's finding",
        "ForgotPassphrase" => "Send a secure link instead of the encrypted file",
        _ => Words(trigger),
    };

    public static string Category(SensitiveCategory category) => category switch
    {
        SensitiveCategory.Hiv => "HIV",
        SensitiveCategory.SubstanceUseDisorder => "Substance use disorder (42 CFR Part 2)",
        SensitiveCategory.SexuallyTransmittedInfection => "Sexually transmitted infection care",
        _ => Words(category),
    };

    public static string Decision(ReleaseDecisionKind? decision) => decision switch
    {
        null => "Not evaluated",
        ReleaseDecisionKind.Release => "Release",
        ReleaseDecisionKind.ReleaseWithWithheld => "Release, withholding some categories",
        ReleaseDecisionKind.HoldForInformation => "Hold for missing information",
        ReleaseDecisionKind.Redirect => "Redirect elsewhere",
        ReleaseDecisionKind.Deny => "Deny",
        _ => decision.Value.ToString(),
    };

    /// <summary>Only the types the document store accepts are sent as themselves; anything else as plain bytes.</summary>
    public static string SafeContentType(string contentType) =>
        contentType is "application/pdf" or "image/jpeg" or "image/png" ? contentType : "application/octet-stream";

    public static string Size(long bytes) => Documents.DocumentStore.FormatSize(bytes);
}
