namespace BackOffice.Web.Documents;

/// <summary>Why an upload was refused before anything was written, and what the response says.</summary>
/// <param name="StatusCode">429 for the per-address limit, 503 for the ceiling of unsent uploads, 200 for the per-wizard limit
/// (a problem of this form, like any other field error).</param>
/// <param name="RetryAfter">For the <c>Retry-After</c> header, when there is a time to give.</param>
public sealed record UploadRefusal(int StatusCode, string Message, TimeSpan? RetryAfter);
