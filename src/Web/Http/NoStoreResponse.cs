namespace BackOffice.Web.Http;

public static class NoStoreResponse
{
    /// <summary>
    /// Keeps a page with patient data out of every cache. Written exactly as ASP.NET Core antiforgery writes it
    /// (<c>Cache-Control: no-cache, no-store</c>, <c>Pragma: no-cache</c>): any other value on a page with a form makes
    /// antiforgery replace it and log a warning, which it did on every wizard page.
    /// </summary>
    public static void MarkNoStore(this HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
