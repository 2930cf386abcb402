using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>Section 2 of the form, release to: the recipient's name, organisation, address and e-mail.</summary>
public sealed class RecipientInput
{
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? Name { get; set; }
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? Organisation { get; set; }
    public AddressInput Address { get; set; } = new();
    [StringLength(254, ErrorMessage = "Use at most {1} characters.")] public string? Email { get; set; }
    [StringLength(40, ErrorMessage = "Use at most {1} characters.")] public string? Phone { get; set; }
    [StringLength(40, ErrorMessage = "Use at most {1} characters.")] public string? Fax { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Organisation)
        && Address.IsEmpty && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Fax);

    /// <summary>The recipient as the domain holds them: a provider or someone else as chosen, else the person asking.</summary>
    public RecipientDetails ToDetails(RecipientChoice? receives, RequesterType requesterType, string? pickupBy = null) => new()
    {
        Type = receives switch
        {
            RecipientChoice.Provider => RequesterType.Provider,
            RecipientChoice.Other => RequesterType.OtherThirdParty,
            _ => requesterType,
        },
        Name = FormText.Text(Name),
        Organisation = FormText.Optional(Organisation),
        Address = Address.ToPostalAddress(),
        Email = FormText.Optional(Email),
        Phone = FormText.Optional(Phone),
        Fax = FormText.Optional(Fax),
        PickupBy = FormText.Optional(pickupBy),
    };
}
