using System.Globalization;
using System.Text.Json;
using BackOffice.Rules;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Api;

/// <summary>
/// The inputs of a fee estimate, read field by field so that every bad field gets its own message
/// (a typed model binder would reject the whole body at the first wrong type). The messages are in the caller's language
/// (<c>FeeEstimateText.resx</c>); field names and accepted values stay as the API spells them.
/// </summary>
public sealed record FeeEstimateInput(RequesterType RequesterType, CopyFormat Format, int Pages, DateOnly ReceivedOn,
    RequestPurpose Purpose, DeliveryMethod DeliveryMethod, decimal Postage, bool PostageGiven = true)
{
    public const int MaxPages = 100_000;
    public const decimal MaxPostage = 1_000m;

    public static (FeeEstimateInput? Input, Dictionary<string, string[]> Errors) Read(
        Func<string, string?> field, DateOnly today, IStringLocalizer<FeeEstimateText> messages)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(messages);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var requester = ReadEnum<RequesterType>(field, "requesterType", messages["Label.RequesterType"], messages, errors);
        var format = ReadEnum<CopyFormat>(field, "format", messages["Label.Format"], messages, errors);
        var purpose = ReadEnum<RequestPurpose>(field, "purpose", messages["Label.Purpose"], messages, errors, RequestPurpose.Other);
        var delivery = ReadEnum<DeliveryMethod>(field, "deliveryMethod", messages["Label.DeliveryMethod"], messages, errors);

        var pages = 0;
        var pagesText = field("pages");
        if (string.IsNullOrWhiteSpace(pagesText)) errors["pages"] = [messages["EnterPages"]];
        else if (!int.TryParse(pagesText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pages) || pages is < 0 or > MaxPages)
            errors["pages"] = [messages["PagesRange", MaxPages.ToString("N0", CultureInfo.GetCultureInfo("en-US"))]];

        var received = today;
        var receivedText = field("receivedOn");
        if (!string.IsNullOrWhiteSpace(receivedText) && DateInput.ParseIso(receivedText) is { } iso) received = iso;
        if (!string.IsNullOrWhiteSpace(receivedText) && DateInput.ParseIso(receivedText) is null)
            errors["receivedOn"] = [messages["DateFormat"]];
        else if (received.Year < 2000 || received > today.AddYears(1))
            errors["receivedOn"] = [messages["DateRange"]];

        var postage = 0m;
        var postageText = field("postage");
        if (!string.IsNullOrWhiteSpace(postageText)
            && (!decimal.TryParse(postageText.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out postage)
                || postage < 0 || postage > MaxPostage || decimal.Round(postage, 2) != postage))
            errors["postage"] = [messages["PostageRange", MaxPostage.ToString("0.00", CultureInfo.InvariantCulture)]];

        return errors.Count > 0
            ? (null, errors)
            : (new FeeEstimateInput(requester, format, pages, received, purpose, delivery, postage, !string.IsNullOrWhiteSpace(postageText)), errors);
    }

    /// <summary>Reads a JSON body; numbers and strings are both accepted where a person would type either.</summary>
    public static (FeeEstimateInput? Input, Dictionary<string, string[]> Errors) Read(JsonElement body, DateOnly today,
        IStringLocalizer<FeeEstimateText> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (body.ValueKind != JsonValueKind.Object)
            return (null, new Dictionary<string, string[]> { ["body"] = [messages["NotObject"]] });
        return Read(name => body.TryGetProperty(name, out var value) ? Text(value) : null, today, messages);
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

    private static T ReadEnum<T>(Func<string, string?> field, string name, string label, IStringLocalizer<FeeEstimateText> messages,
        Dictionary<string, string[]> errors, T? fallback = null) where T : struct, Enum
    {
        var text = field(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is { } value) return value;
            errors[name] = [messages["Choose", label, string.Join(", ", Enum.GetNames<T>())]];
            return default;
        }

        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
            return parsed;
        errors[name] = [messages["NotOneOf", Shown(text), string.Join(", ", Enum.GetNames<T>())]];
        return default;
    }
}
