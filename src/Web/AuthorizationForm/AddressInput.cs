using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>A postal address as typed (the patient's, the recipient's).</summary>
public sealed class AddressInput
{
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? Line1 { get; set; }
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? Line2 { get; set; }
    [StringLength(100, ErrorMessage = "Use at most {1} characters.")] public string? City { get; set; }
    [StringLength(50, ErrorMessage = "Use at most {1} characters.")] public string? State { get; set; }
    [StringLength(20, ErrorMessage = "Use at most {1} characters.")] public string? PostalCode { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(City)
        && string.IsNullOrWhiteSpace(State) && string.IsNullOrWhiteSpace(PostalCode);

    /// <summary>A new address object each call: two owners never share one instance.</summary>
    public PostalAddress ToPostalAddress() => new()
    {
        Line1 = FormText.Text(Line1), Line2 = FormText.Optional(Line2), City = FormText.Text(City),
        State = FormText.Text(State), PostalCode = FormText.Text(PostalCode),
    };

    public AddressInput Copy() => (AddressInput)MemberwiseClone();
}
