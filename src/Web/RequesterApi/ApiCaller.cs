using System.Security.Claims;
using BackOffice.Workflows.Organisations;

namespace BackOffice.Web.RequesterApi;

/// <summary>The organisation and key an authenticated requester API call came with.</summary>
public sealed record ApiCaller(RequesterOrganisation Organisation, ApiKey Key)
{
    /// <summary>The claim naming the organisation on an API call's principal.</summary>
    public const string OrganisationClaim = "backoffice:requester-organisation";

    /// <summary>Who the audit trail and the journal say acted: the organisation, through its named key.</summary>
    public string DisplayName => $"{Organisation.Name} (API key {Key.Name})";

    public string ActorId => "api-key:" + Key.Id.ToString("N");

    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, ActorId),
        new Claim(ClaimTypes.Name, DisplayName),
        new Claim(OrganisationClaim, Organisation.Id.ToString()),
    ], authenticationType: "ApiKey"));

    public static ApiCaller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ApiCaller>()
            ?? throw new InvalidOperationException("This endpoint is not behind the requester API's key check.");
    }
}
