namespace BackOffice.Workflows.Portal;

public enum CodeCheck
{
    Accepted,
    Wrong,
    /// <summary>No code was sent, it was used, it expired, or too many wrong tries voided it: ask for a new one.</summary>
    NeedsNewCode,
}

/// <summary>
/// Permission to download one request's release package from the secure portal: the link (a random token
/// that only the e-mail carries) and the one-time code sent after the date of birth matched. Neither the
/// token nor the code is stored: the token as its SHA-256, the code as an HMAC keyed with the token, so a
/// copy of the database can neither open a link nor test codes.
/// </summary>
public sealed class PortalGrant
{
    public const int MaxCodeAttempts = 5;

    private PortalGrant() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    /// <summary>The outbox row that asked for this link; unique, so a redelivered message issues no second grant.</summary>
    public Guid? OutboxMessageId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public string? CodeHash { get; private set; }
    public DateTimeOffset? CodeExpiresAt { get; private set; }
    /// <summary>Wrong tries against the current code; a new code starts again at zero.</summary>
    public int CodeAttempts { get; private set; }
    public DateTimeOffset? LastDownloadedAt { get; private set; }
    public int DownloadCount { get; private set; }

    public static PortalGrant Issue(Guid requestId, Guid? outboxMessageId, string token, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime), "A portal link must live for some time.");
        return new PortalGrant
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            OutboxMessageId = outboxMessageId,
            TokenHash = PortalSecrets.HashToken(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsOpen(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>Closes the link at once (a newer link for the same request replaces it).</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (ExpiresAt > now) ExpiresAt = now;
        ClearCode();
    }

    /// <summary>Replaces the token when the e-mail carrying the old one may never have been sent.</summary>
    public void ReplaceToken(string token)
    {
        TokenHash = PortalSecrets.HashToken(token);
        ClearCode();
    }

    /// <summary>A fresh code replaces any earlier one and its count of wrong tries.</summary>
    public void SetCode(string token, string code, DateTimeOffset expiresAt)
    {
        CodeHash = PortalSecrets.HashCode(token, code);
        CodeExpiresAt = expiresAt;
        CodeAttempts = 0;
    }

    /// <summary>Checks a typed code. A right code is used up; the fifth wrong one voids the code.</summary>
    public CodeCheck CheckCode(string token, string? typed, DateTimeOffset now)
    {
        if (CodeHash is null || CodeExpiresAt is null || now >= CodeExpiresAt || CodeAttempts >= MaxCodeAttempts)
            return CodeCheck.NeedsNewCode;
        if (PortalSecrets.CodeMatches(CodeHash, token, typed))
        {
            ClearCode();
            return CodeCheck.Accepted;
        }

        CodeAttempts++;
        return CodeAttempts >= MaxCodeAttempts ? CodeCheck.NeedsNewCode : CodeCheck.Wrong;
    }

    public void RecordDownload(DateTimeOffset now)
    {
        DownloadCount++;
        LastDownloadedAt = now;
    }

    private void ClearCode()
    {
        CodeHash = null;
        CodeExpiresAt = null;
    }
}
