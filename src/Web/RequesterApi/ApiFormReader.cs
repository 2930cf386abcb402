using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Input;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.RequesterApi;

/// <summary>
/// Reads the requester API's JSON into the shared <see cref="AuthorizationFormInput"/>, field by field, so every field
/// of the wrong type, with a character that cannot be kept, too long, or unknown gets its own error (a plain
/// deserializer stops at the first). Names are matched without regard to case; enums are their names as strings.
/// What the form's checks then say is the same for every channel.
/// </summary>
public static class ApiFormReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Fields of the form the API does not take, with why: the organisation's registration or the online form decides them.</summary>
    private static readonly Dictionary<string, string> NotTaken = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Requester.Type"] = "Leave it out: it is your organization's registered type.",
        ["Requester.Organisation"] = "Leave it out: it is your organization's registered name.",
        ["EmailPassphrase"] = "Leave it out: records sent by secure e-mail to an API requester go as a secure link.",
        ["EmailPassphraseConfirm"] = "Leave it out: records sent by secure e-mail to an API requester go as a secure link.",
        ["Signature.ElectronicSignature"] = "Leave it out: the API sends a form signed by hand; give signature.signerName and signature.signedOn.",
        ["Signature.Agreed"] = "Leave it out: the API sends a form signed by hand; give signature.signerName and signature.signedOn.",
        ["Documents"] = "Leave it out: send the signed authorization as the multipart part \"authorization\".",
        ["Deceased.LettersOfOfficeAttached"] = "Leave it out: send the letters of office with POST /api/v1/requests/{trackingNumber}/documents.",
    };

    /// <summary>The fields the API does not take, as (the section's type, the property), for the OpenAPI document.</summary>
    public static IEnumerable<(Type Section, string Property)> NotTakenFields => NotTaken.Keys.Select(path =>
    {
        var parts = path.Split('.');
        return parts.Length == 1
            ? (typeof(AuthorizationFormInput), parts[0])
            : (typeof(AuthorizationFormInput).GetProperty(parts[0])!.PropertyType, parts[1]);
    });

    public static (AuthorizationFormInput Form, List<FieldError> Errors) Read(JsonElement body)
    {
        var form = new AuthorizationFormInput();
        var errors = new List<FieldError>();
        if (body.ValueKind != JsonValueKind.Object) errors.Add(new("body", "The body must be a JSON object with the form's fields."));
        else ReadSection(body, form, "", errors);
        return (form, errors);
    }

    /// <summary>A section's fields by name (any case), each with its length limit: found once per type, not on every call.</summary>
    private static readonly ConcurrentDictionary<Type, Dictionary<string, (PropertyInfo Property, int MaxLength)>> Fields = new();

    private static Dictionary<string, (PropertyInfo Property, int MaxLength)> FieldsOf(Type section) => Fields.GetOrAdd(section, type =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || IsSection(p.PropertyType))
            .ToDictionary(p => p.Name, p => (p, p.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? StoredText.DefaultMaxLength),
                StringComparer.OrdinalIgnoreCase));

    private static void ReadSection(JsonElement json, object section, string path, List<FieldError> errors)
    {
        var fields = FieldsOf(section.GetType());
        foreach (var member in json.EnumerateObject())
        {
            var (property, maxLength) = fields.TryGetValue(member.Name, out var found) ? found : default;
            var field = path + (property?.Name ?? member.Name);
            if (property is null)
            {
                errors.Add(new(field, "This field is not part of the authorization form."));
                continue;
            }

            if (NotTaken.TryGetValue(field, out var why))
            {
                errors.Add(new(field, why));
                continue;
            }

            if (member.Value.ValueKind == JsonValueKind.Null) continue; // as if not sent
            if (IsSection(property.PropertyType))
            {
                if (member.Value.ValueKind == JsonValueKind.Object) ReadSection(member.Value, property.GetValue(section)!, field + ".", errors);
                else errors.Add(new(field, "Use an object with this section's fields."));
                continue;
            }

            object? value;
            try
            {
                value = member.Value.Deserialize(property.PropertyType, Json);
            }
            catch (JsonException)
            {
                errors.Add(new(field, Expected(property.PropertyType)));
                continue;
            }

            if (TextProblem(maxLength, value) is { } problem)
            {
                errors.Add(new(field, problem));
                continue;
            }

            if (value is not null) property.SetValue(section, value);
        }
    }

    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(AuthorizationFormInput).Namespace && !typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>Text is held to what every form field holds: characters that can be kept, and the field's length.</summary>
    private static string? TextProblem(int max, object? value)
    {
        IEnumerable<string?> texts = value switch
        {
            string text => [text],
            IEnumerable<string> list => list,
            _ => [],
        };
        foreach (var text in texts)
        {
            if (text is null) return "Use text, not null, in the list.";
            if (!StoredText.IsKeepable(text)) return StoredText.UnreadableMessage;
            if (text.Length > max) return StoredText.TooLongMessage(max);
        }

        return null;
    }

    private static string Expected(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum) return $"Use one of: {string.Join(", ", Enum.GetNames(underlying))}.";
        if (underlying == typeof(bool)) return "Use true or false.";
        if (underlying == typeof(string)) return "Use a text value (dates as 2026-03-31).";
        var item = underlying.IsGenericType ? underlying.GetGenericArguments()[0] : null;
        if (item is { IsEnum: true }) return $"Use a list of: {string.Join(", ", Enum.GetNames(item))}.";
        if (item == typeof(string)) return "Use a list of texts.";
        return "This value has the wrong type.";
    }
}
