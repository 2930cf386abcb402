using BackOffice.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace BackOffice.Web.AuthorizationForm.TagHelpers;

/// <summary>
/// The request pages' fields, written once so each has the same accessible shape: a label (or a legend for a group),
/// a hint and the error message linked with aria-describedby, the error next to the field with the id
/// "{field id}-error" the error summary and tests use, and aria-invalid on a field in error. Values and errors come
/// from ModelState first (what was posted), so nothing typed is lost when a step fails its checks. The helpers' own words
/// ("(optional)") are in the page's language (<c>FormField.es.resx</c>, keyed by the English).
/// </summary>
internal static class FormField
{
    private static readonly Translations Words = new(typeof(FormField));

    public static string Id(string name) => TagBuilder.CreateSanitizedId(name, "_");

    public static string? Error(ViewContext view, string name) =>
        view.ModelState[name]?.Errors is { Count: > 0 } errors
            ? string.IsNullOrEmpty(errors[0].ErrorMessage) ? ValidationMessages.NotValid : errors[0].ErrorMessage
            : null;

    /// <summary>"Middle name (optional)".</summary>
    public static string OptionalLabel(string label) => Words.Format("{0} (optional)", label);

    public static string? DescribedBy(params string?[] ids) =>
        ids.Any(id => id is not null) ? string.Join(' ', ids.Where(id => id is not null)) : null;

    public static TagBuilder Span(string id, string cssClass, string text)
    {
        var span = new TagBuilder("span");
        span.Attributes["id"] = id;
        span.AddCssClass(cssClass);
        span.InnerHtml.Append(text);
        return span;
    }
}
