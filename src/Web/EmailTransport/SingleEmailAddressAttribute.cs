using System.ComponentModel.DataAnnotations;

namespace BackOffice.Web.EmailTransport;

/// <summary>An optional field that, when filled in, holds exactly one e-mail address (<see cref="EmailAddressCheck"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class SingleEmailAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || (value is string text && (string.IsNullOrWhiteSpace(text) || EmailAddressCheck.IsSingleAddress(text)));
}
