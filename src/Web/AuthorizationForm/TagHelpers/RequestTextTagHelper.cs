using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BackOffice.Web.AuthorizationForm.TagHelpers;

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
        // A password field never carries its value back to the browser.
        var value = Type == "password" ? null : ViewContext.ModelState[Name]?.AttemptedValue ?? Value;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field-invalid");

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Optional ? FormField.OptionalLabel(Label) : Label);
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
