namespace BackOffice.Workflows.Requests;

/// <summary>What the rules, reviewers and payments decided about a request.</summary>
public sealed partial class RecordsRequest
{
    private readonly List<FeeLine> _feeLines = [];
    private List<string> _missingElements = [];
    private List<SensitiveCategory> _withheldCategories = [];
    private List<string> _withheldReasons = [];

    public ReleaseDecisionKind? Decision { get; private set; }
    public string? DecisionSummary { get; private set; }
    /// <summary>What the requester must still send (the rules' findings, or the items a clerk named).</summary>
    public IReadOnlyList<string> MissingElements => _missingElements;
    public IReadOnlyList<SensitiveCategory> WithheldCategories => _withheldCategories;
    /// <summary>Why each withheld category is left out, with its basis, as letters state it (same order as the categories).</summary>
    public IReadOnlyList<string> WithheldReasons => _withheldReasons;
    public int? DecisionRuleSetVersion { get; private set; }

    public decimal? FeeTotal { get; private set; }
    public IReadOnlyList<FeeLine> FeeLines => _feeLines;
    public int? FeeRuleSetVersion { get; private set; }
    public string? FeeWaivedReason { get; private set; }

    public string? CompiledBy { get; private set; }
    public string? DenialBasis { get; private set; }
    public bool? DenialReviewable { get; private set; }
    public string? RedirectTo { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset? PickupAt { get; private set; }
    public string? PickupArrangedWith { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public decimal AmountPaid => _payments.Sum(p => p.Amount);
    public decimal BalanceDue => FeeWaivedReason is not null ? 0m : Math.Max(0m, (FeeTotal ?? 0m) - AmountPaid);

    public void ApplyDecision(ReleaseDecisionKind decision, string summary, IEnumerable<string> missingElements,
        IEnumerable<Withholding> withheld, string? redirectTo, int ruleSetVersion)
    {
        List<Withholding> withholdings = [.. withheld];
        Decision = decision;
        DecisionSummary = summary;
        _missingElements = [.. missingElements];
        _withheldCategories = [.. withholdings.Select(w => w.Category)];
        _withheldReasons = [.. withholdings.Select(w => w.Text)];
        RedirectTo = decision == ReleaseDecisionKind.Redirect ? redirectTo : RedirectTo;
        DecisionRuleSetVersion = ruleSetVersion;
    }

    public void ApplyFee(decimal total, IEnumerable<FeeLine> lines, int ruleSetVersion)
    {
        if (total < 0)
        {
            throw new DomainException("A fee cannot be negative.");
        }

        // The new lines are read before the old ones go: a caller may hand back the request's own lines.
        List<FeeLine> newLines = [.. lines];
        FeeTotal = total;
        _feeLines.Clear();
        _feeLines.AddRange(newLines);
        FeeRuleSetVersion = ruleSetVersion;
    }

    public void RequestInformation(IEnumerable<string> missing)
    {
        var items = missing.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct().ToList();
        if (items.Count == 0)
        {
            throw new DomainException("Name each missing item so the requester knows exactly what to send.", "missing");
        }

        _missingElements = items;
    }

    public void MarkCompiledBy(string userId) => CompiledBy = userId;

    public void Deny(string basis, bool reviewable)
    {
        if (string.IsNullOrWhiteSpace(basis))
        {
            throw new DomainException("A denial needs its basis; the denial letter states it.", "basis");
        }

        DenialBasis = basis.Trim();
        DenialReviewable = reviewable;
    }

    public void Redirect(string where)
    {
        if (string.IsNullOrWhiteSpace(where))
        {
            throw new DomainException("Say where the requester should ask instead.", "redirectTo");
        }

        RedirectTo = where.Trim();
    }

    public Payment RecordPayment(PaymentMethod method, decimal amount, string? checkNumber, string recordedBy, DateTimeOffset at)
    {
        if (FeeTotal is null)
        {
            throw new DomainException("No invoice has been issued for this request.", "amount");
        }

        var payment = Payment.Create(Id, method, amount, checkNumber, recordedBy, at);
        if (amount > BalanceDue)
        {
            throw new DomainException($"The payment is more than the balance due ({BalanceDue:0.00}).", "amount");
        }

        _payments.Add(payment);
        return payment;
    }

    public void WaiveFee(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Give the reason the fee is waived.", "reason");
        }

        FeeWaivedReason = reason.Trim();
    }

    public void SchedulePickup(DateTimeOffset at, string arrangedWith, DateTimeOffset now)
    {
        if (at <= now)
        {
            throw new DomainException("The pickup must be scheduled for a time in the future.", "pickupAt");
        }

        if (string.IsNullOrWhiteSpace(arrangedWith))
        {
            throw new DomainException("Record who was called to arrange the pickup.", "arrangedWith");
        }

        PickupAt = at;
        PickupArrangedWith = arrangedWith.Trim();
    }

    public void Cancel(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Give the reason for cancelling.", "reason");
        }

        CancellationReason = reason.Trim();
    }

    public void Close(DateTimeOffset at) => ClosedAt = at;
}
