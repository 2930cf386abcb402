using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Status;

public sealed record InvoiceView(string TrackingNumber, string? IssuedOn, IReadOnlyList<FeeLine> Lines, decimal Total, decimal Paid,
    decimal Balance, bool Waived)
{
    public static string Money(decimal amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
}
