namespace BackOffice.Web.Tests.PatientRequest.Support;

public sealed record UploadFile(string Field, string FileName, string ContentType, byte[] Bytes)
{
    public static UploadFile Pdf(string field, string name, int size = 2048) => new(field, name, "application/pdf", Fill("%PDF-1.7\n"u8, size));
    public static UploadFile Jpeg(string field, string name, int size = 2048) => new(field, name, "image/jpeg", Fill([0xFF, 0xD8, 0xFF, 0xE0], size));
    public static UploadFile Png(string field, string name, int size = 2048) =>
        new(field, name, "image/png", Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size));
    /// <summary>A Windows executable's first bytes, whatever it is called.</summary>
    public static UploadFile Executable(string field, string name) => new(field, name, "application/pdf", Fill("MZ"u8, 4096));

    private static byte[] Fill(ReadOnlySpan<byte> header, int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        header.CopyTo(bytes);
        return bytes;
    }
}
