namespace BackOffice.Workflows.Requests;

/// <summary>
/// One release of records to someone (45 CFR 164.528). Every disclosure is logged; those to the
/// patient or under the patient's authorization are exempt from the accounting HIPAA requires, and
/// are marked so the accounting can show both views.
/// </summary>
public sealed class Disclosure
{
    private Disclosure() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public DateTimeOffset DisclosedAt { get; private set; }
    public string RecipientName { get; private set; } = "";
    public string? RecipientAddress { get; private set; }
    public string Description { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public string Method { get; private set; } = "";
    public bool RequiredInAccounting { get; private set; }

    public static Disclosure For(RecordsRequest request, string method, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipient = request.Recipient;
        var withheld = request.WithheldCategories.Count == 0
            ? ""
            : "; withheld: " + string.Join(", ", request.WithheldCategories);
        var scope = request.Information.AllRecords
            ? "all records"
            : string.Join(", ", request.Information.RecordTypes.DefaultIfEmpty(request.Information.Description ?? "records as described"));
        var range = request.Information.From is null && request.Information.To is null
            ? ""
            : $" ({request.Information.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "start"} to {request.Information.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "present"})";
        return new Disclosure
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            DisclosedAt = at,
            RecipientName = string.IsNullOrWhiteSpace(recipient.Organisation) ? recipient.Name : $"{recipient.Name}, {recipient.Organisation}",
            RecipientAddress = recipient.Address.IsComplete ? recipient.Address.ToString() : recipient.Email,
            Description = $"{scope}{range}, {request.Pages.Total} pages{withheld}",
            Purpose = request.PurposeDetail ?? request.Purpose.ToString(),
            Method = method,
            RequiredInAccounting = false,
        };
    }
}
