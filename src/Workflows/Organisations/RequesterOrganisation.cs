using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Organisations;

/// <summary>
/// A high-volume requester (a law firm, an insurer, another provider, a benefit agency) registered by a supervisor so it
/// can send requests through the requester API with its own keys. Its type is one the release and fee rules know; its
/// requests name it as the requester and may only use the delivery methods allowed here.
/// </summary>
public sealed class RequesterOrganisation
{
    public const int NameMaxLength = 200;

    /// <summary>The requester types an organisation may have: the third parties the rules know (never the patient).</summary>
    public static readonly IReadOnlyList<RequesterType> Types =
        [RequesterType.Attorney, RequesterType.Insurer, RequesterType.Provider, RequesterType.OtherThirdParty];

    private RequesterOrganisation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public RequesterType Type { get; private set; }
    /// <summary>The person the department deals with; their name signs as the requester when a request names nobody.</summary>
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }
    public PostalAddress Address { get; private set; } = new();
    /// <summary>The delivery methods the organisation's requests may choose, stored as "Mail,Portal".</summary>
    public string AllowedDelivery { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// <summary>Where the organisation's status events are posted (https); null: no webhook.</summary>
    public string? WebhookUrl { get; private set; }
    /// <summary>The webhook's signing secret as the host protected it (Data Protection, key ring encrypted with the
    /// key-encryption key); never stored in clear.</summary>
    public string? ProtectedWebhookSecret { get; private set; }

    public IReadOnlyList<DeliveryMethod> AllowedDeliveryMethods =>
        [.. AllowedDelivery.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DeliveryMethod>)];

    public bool Allows(DeliveryMethod method) => AllowedDeliveryMethods.Contains(method);

    public static RequesterOrganisation Register(RequesterOrganisationDetails details, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(details);
        var organisation = new RequesterOrganisation { Id = Guid.CreateVersion7(), CreatedAt = now, CreatedBy = by };
        organisation.Change(details);
        return organisation;
    }

    /// <summary>Changes what the organisation is; each refusal names its field.</summary>
    public void Change(RequesterOrganisationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var name = details.Name?.Trim() ?? "";
        if (name.Length == 0) throw new DomainException("Enter the organization's name.", "Name");
        if (name.Length > NameMaxLength) throw new DomainException($"Use at most {NameMaxLength} characters.", "Name");
        if (!Types.Contains(details.Type))
            throw new DomainException("Choose an attorney, an insurer, a provider or another third party.", "Type");
        var methods = details.AllowedDeliveryMethods.Where(Enum.IsDefined).Distinct().Order().ToList();
        if (methods.Count == 0) throw new DomainException("Allow at least one delivery method.", "AllowedDeliveryMethods");
        // Unencrypted e-mail is only for a patient's own records (45 CFR 164.524(c)(2)), never for a third party.
        if (methods.Contains(DeliveryMethod.UnencryptedEmail))
            throw new DomainException("Unencrypted e-mail is only for a patient's own records.", "AllowedDeliveryMethods");

        Name = name;
        Type = details.Type;
        ContactName = Optional(details.ContactName);
        ContactEmail = Optional(details.ContactEmail);
        ContactPhone = Optional(details.ContactPhone);
        Address = details.Address ?? new PostalAddress();
        AllowedDelivery = string.Join(',', methods);
    }

    /// <summary>Sets (or replaces) the webhook; the host checked the address and protected the secret.</summary>
    public void SetWebhook(string url, string protectedSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedSecret);
        WebhookUrl = url;
        ProtectedWebhookSecret = protectedSecret;
    }

    public void RemoveWebhook()
    {
        WebhookUrl = null;
        ProtectedWebhookSecret = null;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
