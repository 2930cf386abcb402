using System.Globalization;
using System.Text.Json;
using BackOffice.Rules;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Api;

/// <summary>
/// The inputs of a fee estimate, read field by field so that every bad field gets its own message
/// (a typed model binder would reject the whole body at the first wrong type).
/// </summary>
public sealed record FeeEstimateInput(RequesterType RequesterType, CopyFormat Format, int Pages, DateOnly ReceivedOn,
    RequestPurpose Purpose, DeliveryMethod DeliveryMethod, decimal Postage, bool PostageGiven = true)
{
    public const int MaxPages = 100_000;
    public const decimal MaxPostage = 1_000m;

    public static (FeeEstimateInput? Input, Dictionary<string, string[]> Errors) Read(
        Func<string, string?> field, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(field);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var requester = ReadEnum<RequesterType>(field, "requesterType", "who is asking", errors);
        var format = ReadEnum<CopyFormat>(field, "format", "the format", errors);
        var purpose = ReadEnum<RequestPurpose>(field, "purpose", "the purpose", errors, RequestPurpose.Other);
        var delivery = ReadEnum<DeliveryMethod>(field, "deliveryMethod", "how the copies are delivered", errors);

        var pages = 0;
        var pagesText = field("pages");
        if (string.IsNullOrWhiteSpace(pagesText)) errors["pages"] = ["Enter the number of pages."];
        else if (!int.TryParse(pagesText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pages) || pages is < 0 or > MaxPages)
            errors["pages"] = [$"Pages must be a whole number from 0 to {MaxPages:N0}."];

        var received = today;
        var receivedText = field("receivedOn");
        if (!string.IsNullOrWhiteSpace(receivedText) && DateInput.ParseIso(receivedText) is { } iso) received = iso;
        if (!string.IsNullOrWhiteSpace(receivedText) && DateInput.ParseIso(receivedText) is null)
            errors["receivedOn"] = ["Enter the date as YYYY-MM-DD."];
        else if (received.Year < 2000 || received > today.AddYears(1))
            errors["receivedOn"] = ["The date must be between 2000 and a year from now."];

        var postage = 0m;
        var postageText = field("postage");
        if (!string.IsNullOrWhiteSpace(postageText)
            && (!decimal.TryParse(postageText.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out postage)
                || postage < 0 || postage > MaxPostage || decimal.Round(postage, 2) != postage))
            errors["postage"] = [$"Postage must be an amount in dollars and cents from 0.00 to {MaxPostage:0.00}."];

        return errors.Count > 0
            ? (null, errors)
            : (new FeeEstimateInput(requester, format, pages, received, purpose, delivery, postage, !string.IsNullOrWhiteSpace(postageText)), errors);
    }

    /// <summary>Reads a JSON body; numbers and strings are both accepted where a person would type either.</summary>
    public static (FeeEstimateInput? Input, Dictionary<string, string[]> Errors) Read(JsonElement body, DateOnly today)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return (null, new Dictionary<string, string[]> { ["body"] = ["Send a JSON object."] });
        return Read(name => body.TryGetProperty(name, out var value) ? Text(value) : null, today);
    }

    public FeeEstimate Estimate(RulesEvaluator rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Estimate(RequesterType, Format, Pages, ReceivedOn, Purpose, DeliveryMethod, Postage);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => "\u0000invalid",
    };

    /// <summary>What was sent, as a message may quote it: at most 40 characters, control characters as "?".</summary>
    private static string Shown(string text)
    {
        var shown = new string([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 40 ? shown + "…" : shown;
    }

    private static T ReadEnum<T>(Func<string, string?> field, string name, string label, Dictionary<string, string[]> errors,
        T? fallback = null) where T : struct, Enum
    {
        var text = field(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is { } value) return value;
            errors[name] = [$"Choose {label}: {string.Join(", ", Enum.GetNames<T>())}."];
            return default;
        }

        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
            return parsed;
        errors[name] = [$"'{Shown(text)}' is not one of {string.Join(", ", Enum.GetNames<T>())}."];
        return default;
    }
}
