namespace BackOffice.Workflows.Requests;

/// <summary>One sensitive category the release leaves out, why, and the law or choice it rests on.</summary>
public sealed record Withholding(SensitiveCategory Category, string Reason, string Basis)
{
    /// <summary>The sentence a letter or a screen shows: the reason, then its basis.</summary>
    public string Text => $"{Reason} ({Basis})";
}
