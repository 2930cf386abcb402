using BackOffice.Web.SecureEmail;

namespace BackOffice.Web.Tests.SecureEmail;

public sealed class EncryptedPdfTests
{
    private const string Passphrase = "four unrelated words here";

    [Fact]
    public void Encrypt_UsesAes256_AndOpensOnlyWithThePassphrase()
    {
        var package = Poppler.PdfWith("Visit note of Maria Lopez");

        var encrypted = EncryptedPdf.Encrypt(package, "application/pdf", Passphrase);

        Poppler.Info(encrypted, Passphrase).Text.ShouldContain("AES-256");
        Poppler.Text(encrypted, Passphrase).ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(0), r => r.Text.ShouldContain("Visit note of Maria Lopez"));
        Poppler.Text(encrypted).ExitCode.ShouldNotBe(0);
        Poppler.Text(encrypted, "a wrong passphrase").ExitCode.ShouldNotBe(0);
        System.Text.Encoding.Latin1.GetString(encrypted).ShouldNotContain("Maria");
    }

    [Fact]
    public void Encrypt_TurnsAnImagePackageIntoAnEncryptedOnePagePdf()
    {
        // A 1×1 PNG: a package a clerk uploaded as a photo or scan.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        var encrypted = EncryptedPdf.Encrypt(png, "image/png", Passphrase);

        var info = Poppler.Info(encrypted, Passphrase);
        info.ExitCode.ShouldBe(0);
        info.Text.ShouldMatch(@"Pages:\s+1\s");
        Poppler.Info(encrypted).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public void Plain_LeavesAPdfAsItIs_AndUnencrypted()
    {
        var package = Poppler.PdfWith("Lab results");

        var plain = EncryptedPdf.Plain(package, "application/pdf");

        plain.ShouldBe(package);
        Poppler.Text(plain).Text.ShouldContain("Lab results");
    }
}
