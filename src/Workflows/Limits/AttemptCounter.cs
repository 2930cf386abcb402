namespace BackOffice.Workflows.Limits;

/// <summary>
/// How many attempts one key (a client address, a tracking number, a portal link — hashed) made in one fixed window of
/// one bucket. Kept in the database so every node counts the same attempts; a window's row is incremented only while
/// below its limit, so nodes racing cannot together pass it.
/// </summary>
public sealed class AttemptCounter
{
    private AttemptCounter() { }

    public string Bucket { get; private set; } = "";
    public string KeyHash { get; private set; } = "";
    /// <summary>The window's start, in Unix seconds.</summary>
    public long WindowStart { get; private set; }
    public int Count { get; private set; }

    public static AttemptCounter First(string bucket, string keyHash, long windowStart) =>
        new() { Bucket = bucket, KeyHash = keyHash, WindowStart = windowStart, Count = 1 };
}
