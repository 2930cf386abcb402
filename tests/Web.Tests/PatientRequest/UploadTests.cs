using System.Net;
using System.Security.Cryptography;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PatientRequest;

public sealed class UploadTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    public static TheoryData<string, string, string> Files => new()
    {
        { "pdf", "scan.png", "application/pdf" },
        { "jpeg", "id.pdf", "image/jpeg" },
        { "png", "photo", "image/png" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task PhotoId_PdfJpegOrPng_IsAcceptedByItsBytes_WhateverItsName(string kind, string name, string storedType)
    {
        using var form = new RequestForm(app.Factory);
        var file = kind switch
        {
            "pdf" => UploadFile.Pdf("PhotoId", name),
            "jpeg" => UploadFile.Jpeg("PhotoId", name),
            _ => UploadFile.Png("PhotoId", name),
        } with { ContentType = "application/octet-stream" };
        form.Answers.PhotoId = file;

        var sent = await form.SubmitAsync();

        sent.Location().ShouldBe("/request/done");
        var stored = StoredFileWith(file.Bytes).ShouldNotBeNull();
        stored.ShouldStartWith(Path.Combine(app.Factory.DataDirectory, "documents", DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var document = (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Documents.ShouldHaveSingleItem();
        document.ContentType.ShouldBe(storedType);
        document.FileName.ShouldBe(name);
        document.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(file.Bytes)));
    }

    [Fact]
    public async Task PhotoId_ARenamedExecutable_IsRefusedNextToTheField_AndNotKept()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/purpose");
        var executable = UploadFile.Executable("PhotoId", "id.pdf");

        var response = await form.PostSignAsync(form.Answers.Sign, executable);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "PhotoId").ShouldBe("This file is not a PDF, JPEG or PNG. Upload a scan or photo saved as PDF, JPEG or PNG.");
        html.ShouldContain("<a href=\"#PhotoId\">This file is not a PDF, JPEG or PNG.");
        StoredFileWith(executable.Bytes).ShouldBeNull();
        (await form.Client.GetAsync(new Uri("/request/review", UriKind.Relative))).Location().ShouldBe("/request/sign");
    }

    [Fact]
    public async Task Upload_IsKept_WhenTheStepFailsForAnotherField()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/purpose");

        var failed = await form.PostSignAsync(new Fields { ["Signature.ElectronicSignature"] = "Maria Lopez" }, form.Answers.PhotoId);
        var html = await failed.Content.ReadAsStringAsync();
        var retried = await form.PostSignAsync(form.Answers.Sign);

        failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(html, "Signature_Agreed").ShouldBe("Tick the box to agree that typing your name is your signature.");
        StaffClient.FieldError(html, "PhotoId").ShouldBeNull();
        html.ShouldContain("Uploaded: drivers-license.jpg");
        retried.Location().ShouldBe("/request/review");
    }

    [Fact]
    public async Task StoredFile_IsOutsideTheWebRoot_AndHasNoPublicAddress()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        var stored = StoredFileWith(form.Answers.PhotoId.Bytes).ShouldNotBeNull();
        var webRoot = app.Factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;

        Path.GetFullPath(stored).ShouldNotStartWith(Path.GetFullPath(webRoot));
        var key = Path.GetRelativePath(Path.Combine(app.Factory.DataDirectory, "documents"), stored).Replace('\\', '/');
        foreach (var address in new[] { $"/documents/{key}", $"/{key}", $"/App_Data/documents/{key}", $"/request/documents/{key}" })
        {
            var response = await form.Client.GetAsync(new Uri(address, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, address);
        }
    }

    [Fact]
    public async Task PhotoId_LargerThanTheConfiguredLimit_IsRefused()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var small = RequestFactory.Create(time, new Dictionary<string, string?> { ["BackOffice:Documents:MaxUploadBytes"] = "65536" });
        using var form = new RequestForm(small);
        await form.CompleteThroughAsync("/request/purpose");
        var large = UploadFile.Png("PhotoId", "id.png", size: 100_000);

        var refused = await form.PostSignAsync(form.Answers.Sign, large);
        var accepted = await form.PostSignAsync(form.Answers.Sign, UploadFile.Png("PhotoId", "id.png", size: 60_000));

        StaffClient.FieldError(await refused.Content.ReadAsStringAsync(), "PhotoId").ShouldBe("This file is larger than 64 KB. Upload a smaller scan or photo.");
        accepted.Location().ShouldBe("/request/review");
    }

    [Fact]
    public async Task Request_LargerThanTheUploadLimitAllows_IsCutOffBeforeItIsRead()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var small = RequestFactory.Create(time, new Dictionary<string, string?> { ["BackOffice:Documents:MaxUploadBytes"] = "65536" });
        using var form = new RequestForm(small);
        await form.CompleteThroughAsync("/request/purpose");
        var huge = UploadFile.Png("PhotoId", "id.png", size: 3 * 1024 * 1024);

        var response = await form.PostSignAsync(form.Answers.Sign, huge);

        ((int)response.StatusCode).ShouldBeOneOf(400, 413);
        Directory.Exists(Path.Combine(small.DataDirectory, "documents")).ShouldBeFalse();
    }

    private string? StoredFileWith(byte[] bytes)
    {
        var folder = Path.Combine(app.Factory.DataDirectory, "documents");
        if (!Directory.Exists(folder)) return null;
        var hash = SHA256.HashData(bytes);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .FirstOrDefault(file => SHA256.HashData(app.Factory.ReadStoredFile(file)).SequenceEqual(hash));
    }
}
