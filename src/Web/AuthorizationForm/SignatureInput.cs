using System.ComponentModel.DataAnnotations;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// Section 6 of the form, the signature. Online the signer types their name and agrees that it is their signature
/// (the time and address are recorded by the server); on paper the clerk copies who signed, in what capacity and when.
/// </summary>
public sealed class SignatureInput
{
    /// <summary>The full name typed to sign online.</summary>
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? ElectronicSignature { get; set; }
    /// <summary>Online: the signer agrees that typing their name is their signature.</summary>
    public bool Agreed { get; set; }
    /// <summary>The name of the person who signed a paper form.</summary>
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? SignerName { get; set; }
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? SignerRelationship { get; set; }
    /// <summary>The date a paper form was signed.</summary>
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/2026.")] public string? SignedOn { get; set; }
}
