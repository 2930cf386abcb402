using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace BackOffice.Web.Localization;

/// <summary>
/// The messages of data-annotation attributes on the public pages' inputs (<c>[StringLength(200, ErrorMessage = "Use at
/// most {1} characters.")]</c>), in the page's language: ASP.NET Core's data-annotations localization looks each
/// <c>ErrorMessage</c> up in <c>ValidationMessages.es.resx</c>, keyed by the English, and fills in the attribute's
/// values ({1} is a maximum length). A message with no translation is shown in English; staff pages are English. The
/// English file is empty on purpose: the attributes carry the English.
/// The model binder's own messages ("The value 'abc' is not valid for Delivery.") come from here too
/// (<see cref="Localize"/>), in the page's language and without the property's internal name: each is shown next to its
/// field, and an API's problem details name the field.
/// </summary>
public static class ValidationMessages
{
    // A value typed (or forged) into a field is repeated in its message, but never at any length.
    private const int LongestValueShown = 40;
    private static readonly Translations Words = new(typeof(ValidationMessages));

    /// <summary>A value the model binder could not read, when it gave no message of its own.</summary>
    public static string NotValid => Words.Text("The value entered is not valid.");

    /// <summary>"abc" where a choice, a number or a yes/no was expected.</summary>
    public static string ValueNotValid(string? value) =>
        string.IsNullOrEmpty(value) ? NotValid : Words.Format("The value '{0}' is not valid.", Shown(value));

    public static string NumberExpected => Words.Text("Enter a number.");

    public static string AnswerMissing => Words.Text("Enter or choose an answer.");

    public static string BodyMissing => Words.Text("A non-empty request body is required.");

    /// <summary>
    /// Every message the model binder writes, read when it writes it, so in the language of the page being made (the
    /// request's culture, set by the localization middleware; staff pages are always English).
    /// </summary>
    public static void Localize(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => ValueNotValid(value));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(ValueNotValid);
        messages.SetValueIsInvalidAccessor(ValueNotValid);
        messages.SetUnknownValueIsInvalidAccessor(_ => NotValid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => NotValid);
        messages.SetValueMustBeANumberAccessor(_ => NumberExpected);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => NumberExpected);
        messages.SetMissingBindRequiredValueAccessor(_ => AnswerMissing);
        messages.SetMissingKeyOrValueAccessor(() => AnswerMissing);
        messages.SetValueMustNotBeNullAccessor(_ => AnswerMissing);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => BodyMissing);
    }

    private static string Shown(string value) => value.Length <= LongestValueShown ? value : value[..LongestValueShown] + "…";
}
