namespace BackOffice.Web.Site;

/// <summary>
/// The notice that language assistance is free (45 CFR 92.11): the landing page states it in its own language and
/// lists these taglines — one short sentence per language, written in that language — for every other language.
/// <c>BackOffice:LanguageAssistance:Taglines:&lt;code&gt;</c> (e.g. <c>pl</c>, <c>zh</c>); English and Spanish are shipped
/// in appsettings.json, and another of Illinois' common languages is one more line once its translation is supplied.
/// <c>{Phone}</c> is the questions line.
/// </summary>
public sealed class LanguageAssistanceOptions
{
    public const string Section = "BackOffice:LanguageAssistance";

    /// <summary>Language code (BCP 47, e.g. "es", "zh-Hant") → the tagline in that language.</summary>
    public Dictionary<string, string> Taglines { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Relay service for callers who are deaf or hard of hearing (Illinois Relay: 711).</summary>
    public string Tty { get; set; } = "711";
}
