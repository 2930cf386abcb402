using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>When the invoice was issued and, while it is unpaid, the day the lifecycle cancels the request.</summary>
/// <param name="AsOf">The invoice as it stood at this instant (the event that issued it): payments received later, and a
/// later waiver, are not on it. Null: as the request stands now (the mailing batch's invoice, with the payments).</param>
public sealed record InvoiceTerms(DateOnly IssuedOn, DateOnly? CancelledIfUnpaidOn, DateTimeOffset? AsOf = null);

/// <summary>
/// The invoice: every charge with quantity, unit price, amount and the law or policy that allows it, the rule-set
/// version that computed them, payments received and the balance, and how to pay (card by phone, check by mail,
/// never cash). Payment is due on receipt: the records are released once it is paid.
/// </summary>
public static partial class InvoicePdf
{
    private static readonly double[] Columns = [300, 360, 430, LetterComposer.ContentWidth];

    public static byte[] Render(LetterContext context, InvoiceTerms terms)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var pdf = new LetterComposer($"Invoice {context.Request.TrackingNumber}");
        Write(pdf, context, terms);
        return pdf.ToBytes();
    }

    public static void Write(LetterComposer pdf, LetterContext context, InvoiceTerms terms)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(terms);
        var request = context.Request;
        var site = context.Site;
        // The invoice states the amounts of the moment it speaks for: the payments up to then, the balance then.
        var payments = request.Payments.Where(p => terms.AsOf is null || p.ReceivedAt <= terms.AsOf).OrderBy(p => p.ReceivedAt).ToList();
        var waived = terms.AsOf is null && request.FeeWaivedReason is not null;
        var feeTotal = request.FeeTotal ?? request.FeeLines.Sum(l => l.Amount);
        var paid = payments.Sum(p => p.Amount);
        var balance = waived ? 0m : Math.Max(0m, feeTotal - paid);
        // An invoice is a statement, not a letter: no salutation or sign-off, so it fits on one page.
        Letter.Open(pdf, context, Addressee.Requester(request), context.T("Invoice.Subject"), salutation: false);
        pdf.Pair(context.T("Invoice.Date"), context.Written(terms.IssuedOn));
        pdf.Pair(context.T("Invoice.TrackingNumber"), request.TrackingNumber, bold: true);
        pdf.Pair(context.T("Invoice.Patient"), request.Patient.FullName);
        pdf.Pair(context.T("Invoice.Received"), context.Written(request.ReceivedOn));
        pdf.Pair(context.T("Invoice.PaymentDue"), context.T(balance > 0 ? "Invoice.DueOnReceipt" : "Invoice.NothingDue"));
        pdf.Space(6);

        pdf.Heading(context.T("Invoice.Charges"));
        pdf.Row([context.T("Invoice.Charge"), context.T("Invoice.Quantity"), context.T("Invoice.UnitPrice"), context.T("Invoice.Amount")], Columns, bold: true);
        pdf.Rule();
        foreach (var line in request.FeeLines.Select(InvoiceLine.From))
        {
            pdf.Row([context.Rule(line.Description), line.Quantity, line.UnitPrice, LetterContext.Money(line.Amount)], Columns,
                detail: context.T("Invoice.AllowedBy", context.Rule(line.Basis)));
        }

        pdf.Rule();
        var total = feeTotal;
        pdf.Row([context.T("Invoice.Total"), "", "", LetterContext.Money(total)], Columns, bold: true);
        foreach (var payment in payments)
        {
            pdf.Row([context.T("Invoice.Paid", context.Written(payment.ReceivedAt), MethodOf(payment, context)), "", "",
                LetterContext.Money(-payment.Amount)], Columns);
        }

        if (waived && total - paid > 0)
            pdf.Row([context.T("Invoice.Waived"), "", "", LetterContext.Money(-(total - paid))], Columns);
        pdf.Row([context.T("Invoice.Balance"), "", "", LetterContext.Money(balance)], Columns, bold: true);
        if (request.FeeRuleSetVersion is { } version)
            pdf.Note(context.T("Invoice.RuleSetVersion", version.ToString(CultureInfo.InvariantCulture)));
        pdf.Space(6);

        if (balance > 0)
        {
            pdf.KeepTogether(100);
            pdf.Heading(context.T("Invoice.HowToPay"));
            pdf.Bullets(
            [
                context.T("Invoice.ByCard", site.PaymentPhone, site.QuestionsHours, request.TrackingNumber),
                context.T("Invoice.ByCheck", site.PayableTo, request.TrackingNumber, site.MailingAddress),
            ]);
            pdf.Paragraph(context.T("Invoice.NoCash"), bold: true);
            if (terms.CancelledIfUnpaidOn is { } cancelled)
                pdf.Paragraph(context.T("Invoice.CancelledIfUnpaid", context.Written(cancelled)));
        }
        else if (waived)
        {
            pdf.Paragraph(context.T("Invoice.FeeWaived"));
        }
        else if (total > 0)
        {
            pdf.Paragraph(context.T("Invoice.PaidInFull"));
        }
        else
        {
            pdf.Paragraph(context.T("Invoice.NoCharge"));
        }

        Letter.Close(pdf, context, signOff: false);
    }

    private static string MethodOf(Payment payment, LetterContext context) => payment.Method == PaymentMethod.Check
        ? context.T("Invoice.Check", payment.CheckNumber ?? "")
        : context.T("Invoice.Card");

    /// <summary>A fee line with its quantity and unit price split out of the rules' "description: quantity × unit" form.</summary>
    internal sealed record InvoiceLine(string Description, string Quantity, string UnitPrice, decimal Amount, string Basis)
    {
        public static InvoiceLine From(FeeLine line)
        {
            var match = QuantityPattern().Match(line.Description);
            if (match.Success
                && decimal.TryParse(match.Groups["unit"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var unit))
            {
                return new InvoiceLine(match.Groups["what"].Value, match.Groups["quantity"].Value, LetterContext.Money(unit), line.Amount, line.Basis);
            }

            return new InvoiceLine(line.Description, "1", LetterContext.Money(line.Amount), line.Amount, line.Basis);
        }
    }

    [GeneratedRegex(@"^(?<what>.+): (?<quantity>\d+(?:\.\d+)?) × (?<unit>\d+(?:\.\d+)?)$")]
    private static partial Regex QuantityPattern();
}
