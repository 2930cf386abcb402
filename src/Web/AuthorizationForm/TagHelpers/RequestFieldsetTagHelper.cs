using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BackOffice.Web.AuthorizationForm.TagHelpers;

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
