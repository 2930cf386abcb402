using System.Text.Json;
using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// What a message says, as it was when its event happened: captured when the transition commits (in the outbox row, the
/// same transaction) and composed from later, however late the job runs. A payment a second after the invoice does not
/// turn the invoice's "amount due" into $0.00; a reminder states the balance of its own day.
/// </summary>
public sealed record MessageFacts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>When the event happened.</summary>
    public DateTimeOffset At { get; init; }
    public string State { get; init; } = "";
    public decimal? FeeTotal { get; init; }
    public decimal AmountPaid { get; init; }
    public decimal BalanceDue { get; init; }
    public decimal? LastPaymentAmount { get; init; }
    public DateTimeOffset? LastPaymentAt { get; init; }
    public IReadOnlyList<string> MissingElements { get; init; } = [];
    public DateOnly DueOn { get; init; }
    public DateOnly EffectiveDueOn { get; init; }
    public string? ExtensionReason { get; init; }
    public DateTimeOffset? PickupAt { get; init; }
    public string? RedirectTo { get; init; }
    public string? DenialBasis { get; init; }
    public bool? DenialReviewable { get; init; }
    public string? CancellationReason { get; init; }
    public int WithheldCount { get; init; }
    public string? AssigneeId { get; init; }

    public static MessageFacts Of(RecordsRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        var last = request.Payments.MaxBy(p => p.ReceivedAt);
        return new MessageFacts
        {
            At = at,
            State = request.State,
            FeeTotal = request.FeeTotal,
            AmountPaid = request.AmountPaid,
            BalanceDue = request.BalanceDue,
            LastPaymentAmount = last?.Amount,
            LastPaymentAt = last?.ReceivedAt,
            MissingElements = [.. request.MissingElements],
            DueOn = request.DueOn,
            EffectiveDueOn = request.EffectiveDueOn,
            ExtensionReason = request.ExtensionReason,
            PickupAt = request.PickupAt,
            RedirectTo = request.RedirectTo,
            DenialBasis = request.DenialBasis,
            DenialReviewable = request.DenialReviewable,
            CancellationReason = request.CancellationReason,
            WithheldCount = request.WithheldCategories.Count,
            AssigneeId = request.AssigneeId,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MessageFacts? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<MessageFacts>(json, Json);
}
