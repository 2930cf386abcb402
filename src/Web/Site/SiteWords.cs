using System.Globalization;
using System.Resources;

namespace BackOffice.Web.Site;

/// <summary>
/// The sentences of <see cref="SiteOptions"/> that are written in a language (the landing page's notes, the questions
/// line's hours, the complaint contact…), and their shipped translations: <c>SiteWords.es.resx</c> beside this file, one
/// entry per property. A department that changes a sentence in English (<c>BackOffice:Site:Intro</c>) gives its
/// translation as <c>BackOffice:Site:Languages:es:Intro</c>; until it does, Spanish pages show its English sentence rather
/// than a shipped translation that may no longer say the same thing.
/// </summary>
public static class SiteWords
{
    /// <summary>The translated properties; names, numbers and addresses stay as configured in every language.</summary>
    public static readonly IReadOnlyList<string> Translated =
    [
        nameof(SiteOptions.QuestionsHours), nameof(SiteOptions.ExcludedOrganisationContact), nameof(SiteOptions.PickupNote),
        nameof(SiteOptions.Notice), nameof(SiteOptions.Intro), nameof(SiteOptions.OnlineNote), nameof(SiteOptions.PortalNote),
        nameof(SiteOptions.OtherFacilityNote), nameof(SiteOptions.ExcludedOrganisationNote), nameof(SiteOptions.DeliveryNote),
        nameof(SiteOptions.FeesNote), nameof(SiteOptions.PaymentNote), nameof(SiteOptions.PrivacyOfficeName),
        nameof(SiteOptions.OcrComplaintContact),
    ];

    private static readonly ResourceManager Resources = new(typeof(SiteWords));

    /// <summary>Puts the shipped translation of each sentence into <paramref name="site"/> (before configuration is bound).</summary>
    public static void ApplyShipped(SiteOptions site, string language)
    {
        ArgumentNullException.ThrowIfNull(site);
        var culture = CultureInfo.GetCultureInfo(language);
        var translations = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (translations is null) return;
        foreach (var name in Translated)
        {
            if (translations.GetString(name) is { Length: > 0 } text)
                typeof(SiteOptions).GetProperty(name)!.SetValue(site, text);
        }
    }
}
