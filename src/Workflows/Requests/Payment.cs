namespace BackOffice.Workflows.Requests;

public sealed class Payment
{
    private Payment() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public PaymentMethod Method { get; private set; }
    public decimal Amount { get; private set; }
    public string? CheckNumber { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The retention policy keeps the payment (amount, method, date) but not the check's number.</summary>
    internal void RemoveCheckNumber() => CheckNumber = null;

    /// <summary>Turns what a clerk chose into a method; cash is refused with the reason.</summary>
    public static PaymentMethod ParseMethod(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "CASH" => throw new DomainException("Cash payments are not accepted. Take a credit card by phone or a mailed check.", "method"),
        "CREDITCARDBYPHONE" or "CREDITCARD" or "CARD" => PaymentMethod.CreditCardByPhone,
        "CHECK" or "CHEQUE" => PaymentMethod.Check,
        _ => throw new DomainException("Choose credit card by phone or check.", "method"),
    };

    internal static Payment Create(Guid requestId, PaymentMethod method, decimal amount, string? checkNumber, string recordedBy, DateTimeOffset at)
    {
        if (!Enum.IsDefined(method))
        {
            throw new DomainException("Choose credit card by phone or check.", "method");
        }

        if (amount <= 0)
        {
            throw new DomainException("The amount must be more than zero.", "amount");
        }

        if (method == PaymentMethod.Check && string.IsNullOrWhiteSpace(checkNumber))
        {
            throw new DomainException("Record the check number.", "checkNumber");
        }

        return new Payment
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Method = method,
            Amount = amount,
            CheckNumber = method == PaymentMethod.Check ? checkNumber!.Trim() : null,
            RecordedBy = recordedBy,
            ReceivedAt = at,
        };
    }
}
