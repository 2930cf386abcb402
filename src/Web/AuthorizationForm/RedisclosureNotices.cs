using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// What a recipient may do with what they receive, stated where an authorization is signed and again with the records.
/// Besides the general HIPAA statement, Illinois and federal law attach their own notice to mental-health, HIV and
/// substance use disorder records.
/// </summary>
public static class RedisclosureNotices
{
    /// <summary>45 CFR 164.508(c)(2)(iii): the general statement every authorization carries.</summary>
    public const string General =
        "Information released under this authorization may be released again by the recipient and may then no longer be protected by federal privacy law (45 CFR 164.508(c)(2)(iii)).";

    /// <summary>740 ILCS 110/5(d).</summary>
    public const string MentalHealth =
        "Mental health and developmental disabilities records: no person to whom they are disclosed may disclose them again unless the person who consented specifically consents to that redisclosure (740 ILCS 110/5(d)).";

    /// <summary>410 ILCS 305/9, /10 (AIDS Confidentiality Act).</summary>
    public const string Hiv =
        "HIV information: it comes from records whose confidentiality is protected by Illinois law, which prohibits any further disclosure of it without the specific written consent of the person it is about, or as the law otherwise permits (410 ILCS 305/9, 305/10).";

    /// <summary>42 CFR 2.32 (as amended in 2024).</summary>
    public const string SubstanceUseDisorder =
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records (42 CFR 2.32).";

    /// <summary>The notices for the categories an authorization consents to (the general statement first).</summary>
    public static IReadOnlyList<string> ForConsents(IEnumerable<SensitiveCategory> consented)
    {
        ArgumentNullException.ThrowIfNull(consented);
        var set = consented.ToHashSet();
        List<string> notices = [General];
        if (set.Contains(SensitiveCategory.MentalHealth)) notices.Add(MentalHealth);
        if (set.Contains(SensitiveCategory.Hiv)) notices.Add(Hiv);
        if (set.Contains(SensitiveCategory.SubstanceUseDisorder)) notices.Add(SubstanceUseDisorder);
        return notices;
    }

    /// <summary>
    /// The notices that go out with a release: for each protected category the release carries (consented to, not
    /// withheld, and present when the contents were recorded).
    /// </summary>
    public static IReadOnlyList<string> ForRelease(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool Released(SensitiveCategory category) =>
            request.ConsentFor(category) is { Granted: true }
            && !request.WithheldCategories.Contains(category)
            && (!request.ContentsRecorded || request.CategoriesPresent.Contains(category));
        List<string> notices = [];
        if (Released(SensitiveCategory.MentalHealth)) notices.Add(MentalHealth);
        if (Released(SensitiveCategory.Hiv)) notices.Add(Hiv);
        if (Released(SensitiveCategory.SubstanceUseDisorder)) notices.Add(SubstanceUseDisorder);
        return notices;
    }
}
