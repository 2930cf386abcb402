using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// The request pages' fields, written once so each has the same accessible shape: a label (or a legend for a group),
/// a hint and the error message linked with aria-describedby, the error next to the field with the id
/// "{field id}-error" the error summary and tests use, and aria-invalid on a field in error. Values and errors come
/// from ModelState first (what was posted), so nothing typed is lost when a step fails its checks.
/// </summary>
internal static class FormField
{
    public static string Id(string name) => TagBuilder.CreateSanitizedId(name, "_");

    public static string? Error(ViewContext view, string name) =>
        view.ModelState[name]?.Errors is { Count: > 0 } errors
            ? string.IsNullOrEmpty(errors[0].ErrorMessage) ? "The value entered is not valid." : errors[0].ErrorMessage
            : null;

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

/// <summary><c>&lt;request-text name="Patient.FirstName" label="First name" value="@…" hint="…" /&gt;</c>: a text input or, with rows, a text area.</summary>
[HtmlTargetElement("request-text", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RequestTextTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Name { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Value { get; set; }
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    public int Maxlength { get; set; } = 200;
    public int Rows { get; set; }
    public bool Optional { get; set; }
    /// <summary>A width class for short answers ("width-short", "width-date").</summary>
    public string? Width { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var id = FormField.Id(Name);
        var error = FormField.Error(ViewContext, Name);
        var value = ViewContext.ModelState[Name]?.AttemptedValue ?? Value;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field-invalid");

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Optional ? Label + " (optional)" : Label);
        output.Content.AppendHtml(label);
        if (Hint is not null) output.Content.AppendHtml(FormField.Span(id + "-hint", "hint", Hint));
        if (error is not null) output.Content.AppendHtml(FormField.Span(id + "-error", "field-error", error));

        var input = new TagBuilder(Rows > 0 ? "textarea" : "input");
        input.Attributes["id"] = id;
        input.Attributes["name"] = Name;
        input.Attributes["maxlength"] = Maxlength.ToString(CultureInfo.InvariantCulture);
        if (Width is not null) input.AddCssClass(Width);
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (Inputmode is not null) input.Attributes["inputmode"] = Inputmode;
        if (FormField.DescribedBy(Hint is null ? null : id + "-hint", error is null ? null : id + "-error") is { } describedBy)
            input.Attributes["aria-describedby"] = describedBy;
        if (error is not null) input.Attributes["aria-invalid"] = "true";
        if (Rows > 0)
        {
            input.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
            input.InnerHtml.Append(value ?? "");
        }
        else
        {
            input.TagRenderMode = TagRenderMode.SelfClosing;
            input.Attributes["type"] = Type;
            input.Attributes["value"] = value ?? "";
        }

        output.Content.AppendHtml(input);
    }
}

/// <summary>
/// <c>&lt;request-fieldset name="Requester.Type" legend="…" choices="radio"&gt;&lt;request-choice …/&gt;&lt;/request-fieldset&gt;</c>:
/// a group with a legend. With <c>choices</c> its <c>request-choice</c> children are radio buttons or check boxes and
/// the first one carries the field's id (the error summary links to it); without, the fieldset itself does (an address).
/// </summary>
[HtmlTargetElement("request-fieldset")]
public sealed class RequestFieldsetTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;
    public string Name { get; set; } = "";
    public string Legend { get; set; } = "";
    public string? Hint { get; set; }
    public string? Choices { get; set; }
    /// <summary>Shows the legend as the page's heading (a step that asks one question).</summary>
    public bool Heading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var id = FormField.Id(Name);
        var error = FormField.Error(ViewContext, Name);
        var describedBy = FormField.DescribedBy(Hint is null ? null : id + "-hint", error is null ? null : id + "-error");
        context.Items[typeof(ChoiceGroup)] = new ChoiceGroup(Name, Choices ?? "radio", id, error is not null);
        var children = await output.GetChildContentAsync();

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field-group" : "field-group field-invalid");
        if (Choices is null)
        {
            output.Attributes.SetAttribute("id", id);
            output.Attributes.SetAttribute("tabindex", "-1");
        }

        if (describedBy is not null) output.Attributes.SetAttribute("aria-describedby", describedBy);
        var legend = new TagBuilder("legend");
        if (Heading) legend.AddCssClass("legend-heading");
        legend.InnerHtml.Append(Legend);
        output.PreContent.AppendHtml(legend);
        if (Hint is not null) output.PreContent.AppendHtml(FormField.Span(id + "-hint", "hint", Hint));
        if (error is not null) output.PreContent.AppendHtml(FormField.Span(id + "-error", "field-error", error));
        output.Content.SetHtmlContent(children);
    }
}

/// <summary>
/// One radio button or check box of a <c>request-fieldset</c>. Its child content is shown only while it is chosen
/// (pure CSS, <c>.choice &gt; input:not(:checked) ~ .choice-reveal</c>), so the page works without JavaScript.
/// </summary>
[HtmlTargetElement("request-choice", ParentTag = "request-fieldset")]
public sealed class RequestChoiceTagHelper : TagHelper
{
    public string Value { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public bool Checked { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var group = (ChoiceGroup)context.Items[typeof(ChoiceGroup)];
        var id = group.NextId(Value);
        var children = await output.GetChildContentAsync();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "choice");
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = group.Type;
        input.Attributes["id"] = id;
        input.Attributes["name"] = group.Name;
        input.Attributes["value"] = Value;
        if (Checked) input.Attributes["checked"] = "checked";
        if (Hint is not null) input.Attributes["aria-describedby"] = id + "-hint";
        if (group.Invalid) input.Attributes["aria-invalid"] = "true";
        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        output.Content.AppendHtml(input).AppendHtml(label);
        if (Hint is not null) output.Content.AppendHtml(FormField.Span(id + "-hint", "hint", Hint));
        if (!children.IsEmptyOrWhiteSpace)
        {
            var reveal = new TagBuilder("div");
            reveal.AddCssClass("choice-reveal");
            reveal.InnerHtml.AppendHtml(children);
            output.Content.AppendHtml(reveal);
        }
    }
}

internal sealed class ChoiceGroup(string name, string type, string id, bool invalid)
{
    private int _count;

    public string Name => name;
    public string Type => type;
    public bool Invalid => invalid;

    public string NextId(string value) => _count++ == 0 ? id : FormField.Id($"{name}_{value}");
}
