using BackOffice.Web.Site;
using Microsoft.AspNetCore.Localization;

namespace BackOffice.Web.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core localization for the public side: words in resource files beside the pages and classes that use them
    /// (<c>X.resx</c> English, <c>X.es.resx</c> Spanish), read through <c>IViewLocalizer</c>, <c>IHtmlLocalizer&lt;T&gt;</c> and
    /// <c>IStringLocalizer&lt;T&gt;</c>, and words the code writes in English through <see cref="Translations"/>
    /// (data-annotation messages through <see cref="ValidationMessages"/>); the language of a request from the culture
    /// cookie, then Accept-Language, English otherwise — staff screens always English; <see cref="SiteOptions"/> per language (<see cref="LocalizedSite"/>).
    /// </summary>
    public static WebApplicationBuilder AddBackOfficeLanguages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddLocalization();
        // Pages write "Español" and "información" as such instead of "&#xF1;" entities (markup characters are still
        // encoded): smaller pages, readable source, and a tagline in any script stays text.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Data-annotation messages ("Use at most {1} characters.") from one shared file, keyed by the English.
        services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(ValidationMessages)));
        // The model binder's messages ("The value 'abc' is not valid for Delivery.") in the page's language too.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => ValidationMessages.Localize(options.ModelBindingMessageProvider));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SiteLanguages.FormatCulture, SiteLanguages.Culture(SiteLanguages.English));
            options.SupportedCultures = [SiteLanguages.FormatCulture];
            options.SupportedUICultures = [.. SiteLanguages.All.Select(SiteLanguages.Culture)];
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(SiteLanguages.IsStaffPath(context.Request.Path)
                    ? new ProviderCultureResult(SiteLanguages.FormatCulture.Name, SiteLanguages.English)
                    : null)),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        var site = builder.Configuration.GetSection(SiteOptions.Section);
        foreach (var language in SiteLanguages.All.Where(l => l != SiteLanguages.English))
        {
            // Shipped translations first, then the department's settings: a sentence configured only in English shows in
            // English until its translation is configured under Languages:<code>.
            services.AddOptions<SiteOptions>(language)
                .Configure(options => SiteWords.ApplyShipped(options, language))
                .Bind(site)
                .Bind(site.GetSection("Languages:" + language));
        }

        services.AddSingleton<LocalizedSite>();
        services.AddSingleton<RuleWords>();
        services.Configure<LanguageAssistanceOptions>(builder.Configuration.GetSection(LanguageAssistanceOptions.Section));
        return builder;
    }

    /// <summary>Early in the pipeline, before the error pages, so an error page speaks the language of the page that failed.</summary>
    public static void UseBackOfficeLanguages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
    }
}
