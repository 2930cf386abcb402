using System.ComponentModel.DataAnnotations;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.EmailTransport;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Staff.Organisations;

/// <summary>The registration form of a requester organisation.</summary>
public sealed class OrganisationInput
{
    [StringLength(RequesterOrganisation.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    public RequesterType? Type { get; set; }

    [StringLength(120, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Contact person (optional)")]
    public string? ContactName { get; set; }

    [SingleEmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org, or leave it empty.")]
    [StringLength(254, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Contact e-mail (optional)")]
    public string? ContactEmail { get; set; }

    [StringLength(40, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Contact phone (optional)")]
    public string? ContactPhone { get; set; }

    public AddressInput Address { get; set; } = new();

    public List<DeliveryMethod> AllowedDeliveryMethods { get; set; } = [];

    /// <summary>The delivery methods an organisation may be allowed (unencrypted e-mail is only for a patient's own records).</summary>
    public static IReadOnlyList<DeliveryMethod> Offered { get; } =
        [DeliveryMethod.Mail, DeliveryMethod.SecureEmail, DeliveryMethod.Portal, DeliveryMethod.Pickup];

    public RequesterOrganisationDetails ToDetails() => new()
    {
        Name = Name,
        Type = Type ?? default,
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        ContactPhone = ContactPhone,
        Address = Address.IsEmpty ? null : Address.ToPostalAddress(),
        AllowedDeliveryMethods = AllowedDeliveryMethods,
    };
}
