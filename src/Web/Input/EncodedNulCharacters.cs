using System.Buffers;

namespace BackOffice.Web.Input;

/// <summary>
/// ASP.NET Core's form reader refuses a whole URL-encoded form when any value holds <c>%00</c> (its URL decoder is the
/// one paths use, which rejects NUL), so antiforgery then reports a missing token and the person gets a bare "bad
/// request" with no idea which answer was wrong. This rewrites each <c>%00</c> in such a body to the encoded
/// replacement character (U+FFFD) before the form is read: the form reads, and <see cref="StoredTextValidatorProvider"/>
/// puts its message next to the field that held it, as for any other character we cannot keep. Only URL-encoded
/// bodies are touched (multipart parts are not URL-decoded), and they are small: <see cref="RequestBodyLimits"/> has
/// already capped them.
/// </summary>
public sealed class EncodedNulCharacters(RequestDelegate next)
{
    private static readonly byte[] Replacement = "%EF%BF%BD"u8.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method) || !IsUrlEncodedForm(context.Request.ContentType) || RequestBodyLimits.IsErrorPage(context))
        {
            await next(context);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted); // within the limit RequestBodyLimits set
        buffer.Position = 0;
        Stream body = buffer;
        if (buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("%00"u8) >= 0)
        {
            var rewritten = Rewrite(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            body = new MemoryStream(rewritten, writable: false);
            context.Request.ContentLength = rewritten.Length;
        }

        context.Request.Body = body;
        await next(context);
    }

    private static bool IsUrlEncodedForm(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static byte[] Rewrite(ReadOnlySpan<byte> body)
    {
        var output = new ArrayBufferWriter<byte>(body.Length + Replacement.Length);
        var start = 0;
        for (var i = 0; i + 2 < body.Length; i++)
        {
            if (body[i] != (byte)'%' || body[i + 1] != (byte)'0' || body[i + 2] != (byte)'0') continue;
            output.Write(body[start..i]);
            output.Write(Replacement);
            start = i + 3;
            i += 2;
        }

        output.Write(body[start..]);
        return output.WrittenSpan.ToArray();
    }
}
