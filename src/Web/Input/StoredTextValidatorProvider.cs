using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Input;

/// <summary>
/// Gives every bound string, on every form of the site, the <see cref="StoredText"/> check and a length limit
/// (its own <c>[StringLength]</c>/<c>[MaxLength]</c> when it has one, else <see cref="StoredText.DefaultMaxLength"/>),
/// so a hostile value gets the field's message like any other mistake instead of reaching the database.
/// </summary>
public sealed class StoredTextValidatorProvider : IModelValidatorProvider
{
    public void CreateValidators(ModelValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ModelMetadata.ModelType != typeof(string)) return;
        var ownLimit = context.ValidatorMetadata.Any(m => m is StringLengthAttribute or MaxLengthAttribute);
        context.Results.Add(new ValidatorItem
        {
            Validator = new StoredTextValidator(ownLimit ? null : StoredText.DefaultMaxLength),
            IsReusable = true,
        });
    }

    private sealed class StoredTextValidator(int? maxLength) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            if (context.Model is not string text) return [];
            // In the page's language: the public forms are in English or Spanish (StoredTextWords.resx), staff screens English.
            var words = context.ActionContext.HttpContext.RequestServices.GetService<IStringLocalizer<StoredTextWords>>();
            if (!StoredText.IsKeepable(text))
                return [new ModelValidationResult("", words?["Unreadable"] ?? StoredText.UnreadableMessage)];
            if (maxLength is { } limit && text.Length > limit)
                return [new ModelValidationResult("", words?["TooLong", limit.ToString("N0", Localization.SiteLanguages.FormatCulture)] ?? StoredText.TooLongMessage(limit))];
            return [];
        }
    }
}
