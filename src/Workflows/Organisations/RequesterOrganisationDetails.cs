using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Organisations;

/// <summary>What a supervisor says an organisation is, when registering or changing it.</summary>
public sealed record RequesterOrganisationDetails
{
    public string? Name { get; init; }
    public RequesterType Type { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public PostalAddress? Address { get; init; }

    /// <summary>By default the organisation may have copies mailed, sent by secure e-mail or put on the portal.</summary>
    public IReadOnlyList<DeliveryMethod> AllowedDeliveryMethods { get; init; } =
        [DeliveryMethod.Mail, DeliveryMethod.SecureEmail, DeliveryMethod.Portal];
}
