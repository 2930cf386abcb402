using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BackOffice.Web.AuthorizationForm.TagHelpers;

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
    /// <summary>The label's language when it differs from the page's (a language's own name, "Español").</summary>
    public string? Lang { get; set; }

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
        if (Lang is not null) label.Attributes["lang"] = Lang;
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
