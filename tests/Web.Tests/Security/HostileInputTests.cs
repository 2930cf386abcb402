using System.Net;
using System.Text;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Input;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Security;

/// <summary>
/// What an attacker types into the public request form: each field of each step gets the field's own message (never a
/// stack trace, a bare 400 or a 500), nothing is stored, nothing is logged as an error; text that is merely odd
/// (markup, SQL) is kept exactly and shown encoded.
/// </summary>
public sealed class HostileInputTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    public const string Nul = "Maria\0Lopez";
    public const string Bell = "Maria\u0007";
    public const string BidiOverride = "Maria\u202Ezepol";
    public static readonly string Megabyte = new('a', 1_000_000);

    /// <summary>Every text field of the online form, by the step that asks it.</summary>
    public static TheoryData<string, string> TextFields => new()
    {
        { "/request", "Requester.Name" }, { "/request", "Requester.Organisation" }, { "/request", "Requester.Phone" },
        { "/request", "Requester.Email" },
        { "/request/patient", "Patient.FirstName" }, { "/request/patient", "Patient.MiddleName" }, { "/request/patient", "Patient.LastName" },
        { "/request/patient", "Patient.FormerNames" }, { "/request/patient", "Patient.DateOfBirth" },
        { "/request/patient", "Patient.MedicalRecordNumber" }, { "/request/patient", "Patient.Phone" }, { "/request/patient", "Patient.Email" },
        { "/request/patient", "Patient.Address.Line1" }, { "/request/patient", "Patient.Address.Line2" },
        { "/request/patient", "Patient.Address.City" }, { "/request/patient", "Patient.Address.State" },
        { "/request/patient", "Patient.Address.PostalCode" },
        { "/request/release", "Recipient.Name" }, { "/request/release", "Recipient.Email" }, { "/request/release", "Recipient.Address.Line1" },
        { "/request/release", "Recipient.Address.City" },
        { "/request/information", "Information.Description" },
        { "/request/purpose", "PurposeDetail" }, { "/request/purpose", "ExpiresOn" }, { "/request/purpose", "ExpiryEvent" },
        { "/request/sign", "Signature.ElectronicSignature" },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task ControlCharacters_InAnyField_GetTheFieldsMessage_AndNothingIsStored(string step, string field)
    {
        foreach (var hostile in new[] { Nul, Bell, BidiOverride })
        {
            using var form = AttorneyForm();
            await form.CompleteThroughBeforeAsync(step);

            var response = await form.PostStepWithAsync(step, field, hostile);

            await ShouldBeRefusedAtTheFieldAsync(response, field, StoredText.UnreadableMessage);
            (await form.StoredRequestsAsync()).ShouldBeEmpty();
        }

        app.Factory.ErrorLogMessages.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task InvalidUtf8_InAnyField_GetsTheFieldsMessage(string step, string field)
    {
        using var form = AttorneyForm();
        await form.CompleteThroughBeforeAsync(step);

        var response = await form.PostStepWithRawAsync(step, field, [0x4D, 0x61, 0xC3, 0x28, 0x69, 0xFF, 0xFE]);

        await ShouldBeRefusedAtTheFieldAsync(response, field, StoredText.UnreadableMessage);
        app.Factory.ErrorLogMessages.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task AMegabyteString_InAnyField_GetsTheFieldsLengthMessage(string step, string field)
    {
        using var form = AttorneyForm();
        await form.CompleteThroughBeforeAsync(step);

        var response = await form.PostStepWithAsync(step, field, Megabyte);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, field.Replace('.', '_')).ShouldNotBeNull().ShouldMatch(@"at most [\d,]+ characters|date|e-mail|phone|ZIP|state");
        (await form.StoredRequestsAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("31/31/1980")]
    [InlineData("0000-00-00")]
    [InlineData("1980-03-31T00:00:00Z' OR 1=1 --")]
    [InlineData("99999999999999999999")]
    public async Task ABadDate_GetsTheDateMessage(string date)
    {
        using var form = AttorneyForm();
        await form.CompleteThroughBeforeAsync("/request/patient");

        var response = await form.PostStepWithAsync("/request/patient", "Patient.DateOfBirth", date);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "Patient_DateOfBirth").ShouldNotBeNull().ShouldContain("date");
    }

    [Theory]
    [InlineData("Patient.Email", "/request/patient", "maria@example.com, sam@example.com")]
    [InlineData("Patient.Email", "/request/patient", "maria@example.com;sam@example.com")]
    [InlineData("Requester.Email", "/request", "sam@counsel.example sam2@counsel.example")]
    [InlineData("Recipient.Email", "/request/release", "Maria <maria@example.com>, sam@example.com")]
    public async Task SeveralAddresses_InAnEmailField_AreRefused(string field, string step, string addresses)
    {
        using var form = AttorneyForm();
        await form.CompleteThroughBeforeAsync(step);

        var response = await form.PostStepWithAsync(step, field, addresses);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), field.Replace('.', '_')).ShouldNotBeNull()
            .ShouldBeOneOf(AuthorizationFormChecks.OneEmailMessage, AuthorizationFormChecks.EmailMessage);
    }

    [Fact]
    public async Task MarkupAndSql_AreKeptExactly_AndShownEncoded()
    {
        const string script = "<script>alert('x')</script>";
        const string sql = "Robert'); DROP TABLE \"Requests\";--";
        using var form = AttorneyForm();
        form.Answers.Patient["Patient.FirstName"] = sql;
        form.Answers.Release["Recipient.Name"] = script;
        form.Answers.Who["Requester.Organisation"] = script;

        await form.CompleteThroughAsync("/request/sign");
        var review = await form.Client.GetPageAsync("/request/review");
        var sent = await form.PostAsync("/request/review");

        review.Html.ShouldNotContain(script);
        review.Html.ShouldContain("&lt;script&gt;");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        stored.Patient.FirstName.ShouldBe(sql);
        stored.Recipient.Name.ShouldBe(script);
        stored.Requester.Organisation.ShouldBe(script);
    }

    [Fact]
    public async Task AFormBodyOverTheLimit_Gets413_AndTheErrorPage_NotABare400()
    {
        using var form = AttorneyForm();
        await form.CompleteThroughBeforeAsync("/request/patient");

        var response = await form.PostStepWithAsync("/request/patient", "Patient.FirstName", new string('a', 2 * 1024 * 1024));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("What was sent is too large");
        html.ShouldContain("<html");
        (await form.StoredRequestsAsync()).ShouldBeEmpty();
        app.Factory.ErrorLogMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task AGarbledMultipartBody_GetsTheErrorPage_WithItsStatus()
    {
        using var form = AttorneyForm();
        await form.CompleteThroughBeforeAsync("/request/sign");
        using var content = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        var response = await form.Client.PostAsync(new Uri("/request/sign", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("We could not read what was sent");
        app.Factory.ErrorLogMessages.ShouldBeEmpty();
    }

    private RequestForm AttorneyForm()
    {
        var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        form.Answers.Information["Information.Description"] = "Visits in 2024";
        form.Answers.Purpose["PurposeDetail"] = "Personal injury claim";
        return form;
    }

    private static async Task ShouldBeRefusedAtTheFieldAsync(HttpResponseMessage response, string field, string message)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{field}: {await response.Content.ReadAsStringAsync()}");
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), field.Replace('.', '_')).ShouldBe(message, field);
    }
}

/// <summary>Posting one step of the online form with one field changed, as an attacker's tool would.</summary>
internal static class HostileSteps
{
    public static async Task CompleteThroughBeforeAsync(this RequestForm form, string step)
    {
        var index = Array.IndexOf(RequestForm.Paths, step);
        if (index > 0) await form.CompleteThroughAsync(RequestForm.Paths[index - 1]);
    }

    public static async Task<HttpResponseMessage> PostStepWithAsync(this RequestForm form, string step, string field, string value)
    {
        var fields = Copy(form.Answers.For(step));
        fields[field] = value;
        return step == "/request/sign" ? await form.PostSignAsync(fields, form.Answers.PhotoId) : await form.PostAsync(step, fields);
    }

    /// <summary>Posts the step with <paramref name="field"/> set to raw bytes, not percent-encoded (e.g. invalid UTF-8).</summary>
    public static async Task<HttpResponseMessage> PostStepWithRawAsync(this RequestForm form, string step, string field, byte[] rawValue)
    {
        var (status, html) = await form.Client.GetPageAsync(step);
        status.ShouldBe(HttpStatusCode.OK);
        var body = new StringBuilder();
        foreach (var (name, value) in Copy(form.Answers.For(step)).Where(f => f.Key != field))
            body.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        body.Append("__RequestVerificationToken=").Append(Uri.EscapeDataString(StaffClient.AntiforgeryToken(html)));
        body.Append('&').Append(Uri.EscapeDataString(field)).Append('=');
        using var content = new ByteArrayContent([.. Encoding.ASCII.GetBytes(body.ToString()), .. rawValue]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return await form.Client.PostAsync(new Uri(step, UriKind.Relative), content);
    }

    private static Fields Copy(Fields fields)
    {
        var copy = new Fields();
        copy.AddRange(fields);
        return copy;
    }
}
