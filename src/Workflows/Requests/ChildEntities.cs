namespace BackOffice.Workflows.Requests;

/// <summary>An uploaded or produced file; the bytes live in document storage outside the web root.</summary>
public sealed class RequestDocument
{
    private RequestDocument() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string StorageKey { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    internal static RequestDocument Create(Guid requestId, DocumentKind kind, string fileName, string contentType,
        long size, string storageKey, string sha256, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Kind = kind,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            StorageKey = storageKey,
            Sha256 = sha256,
            UploadedAt = at,
        };
}

public sealed class RequestNote
{
    private RequestNote() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }

    internal static RequestNote Create(Guid requestId, string author, string text, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("A note cannot be empty.", "text");
        }

        return new RequestNote { Id = Guid.CreateVersion7(), RequestId = requestId, Author = author, Text = text.Trim(), WrittenAt = at };
    }
}

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
