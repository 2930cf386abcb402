namespace BackOffice.Web.Api;

/// <summary>
/// The body of a fee estimate as the API documents it. The endpoint reads the JSON field by field
/// (<see cref="FeeEstimateInput.Read(System.Text.Json.JsonElement, DateOnly, Microsoft.Extensions.Localization.IStringLocalizer{FeeEstimateText})"/>),
/// so each bad field gets its own message; numbers may also be sent as strings.
/// </summary>
/// <param name="RequesterType">Patient, PersonalRepresentative, Attorney, Insurer, Provider or OtherThirdParty.</param>
/// <param name="Format">Paper, Electronic or Microfiche.</param>
/// <param name="Pages">0 to 100,000.</param>
/// <param name="ReceivedOn">yyyy-mm-dd; today by default (the fee schedule in force that day applies).</param>
/// <param name="Purpose">Other (default), VeteransDisability, SocialSecurity, SSI or AABD.</param>
/// <param name="DeliveryMethod">Mail, SecureEmail, Portal or Pickup.</param>
/// <param name="Postage">Actual postage in dollars, if known.</param>
public sealed record FeeEstimateRequest(string RequesterType, string Format, int Pages, DateOnly? ReceivedOn, string? Purpose, string DeliveryMethod,
    decimal? Postage);
