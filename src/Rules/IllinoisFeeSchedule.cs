namespace BackOffice.Rules;

/// <summary>One year's Illinois maximum copying charges (735 ILCS 5/8-2001(d), adjusted yearly under 8-2006).</summary>
public sealed record IllinoisFeeSchedule(
    int Year,
    DateOnly EffectiveFrom,
    decimal Handling,
    decimal FirstTierRate,
    decimal SecondTierRate,
    decimal OverSecondTierRate,
    decimal MicroficheRate,
    int FirstTierLastPage,
    int SecondTierLastPage,
    string Source);
