using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BackOffice.Web.Encryption;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Status;

/// <summary>Requests made and moved through the real lifecycle engine, as staff would, for the patient-side tests.</summary>
public static partial class RequestScenarios
{
    public static readonly DateOnly PatientBirthDate = new(1980, 4, 15);
    public static readonly Actor Clerk = Actor.Staff("clerk-1", "Casey Clerkson", LifecycleRoles.Clerk);
    /// <summary>Quality review needs a second person.</summary>
    public static readonly Actor Reviewer = Actor.Staff("clerk-2", "Riley Reviewer", LifecycleRoles.Clerk);

    /// <summary>A patient asking for their own records.</summary>
    public static RecordsRequestDraft PatientDraft(DeliveryMethod delivery = DeliveryMethod.Mail, RecordFormat format = RecordFormat.Paper,
        DateOnly? birthDate = null, string email = "maria.lopez@example.org")
    {
        var address = new PostalAddress { Line1 = "12 Elm St", City = "Naperville", State = "IL", PostalCode = "60540" };
        return new RecordsRequestDraft
        {
            Channel = RequestChannel.Paper,
            Kind = RequestKind.Access,
            Patient = new PatientDetails
            {
                FirstName = "Maria", LastName = "Lopez", DateOfBirth = birthDate ?? PatientBirthDate, Address = address, Email = email,
            },
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Maria Lopez", Email = email },
            Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = "Maria Lopez", Address = address, Email = email },
            Information = new RequestedInformation { AllRecords = true },
            Delivery = delivery,
            Format = format,
            Purpose = RequestPurpose.AtRequestOfIndividual,
            Signature = new SignatureDetails { SignerName = "Maria Lopez", SignedOn = new DateOnly(2024, 1, 2) },
        };
    }

    public static async Task<RecordsRequest> StartAsync(this BackOfficeFactory factory, RecordsRequestDraft draft)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var today = scope.ServiceProvider.GetRequiredService<DepartmentClock>().Today;
        return await scope.ServiceProvider.GetRequiredService<LifecycleEngine>().StartAsync(draft, today, Clerk);
    }

    public static async Task<FireResult> FireAsync(this BackOfficeFactory factory, Guid requestId, string trigger, Actor actor,
        params (string Key, string? Value)[] args)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LifecycleEngine>().FireAsync(requestId, trigger, actor, TriggerArgs.Of(args));
    }

    public static async Task<FireResult> FireWithCommentAsync(this BackOfficeFactory factory, Guid requestId, string trigger, Actor actor,
        string comment, params (string Key, string? Value)[] args)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LifecycleEngine>()
            .FireAsync(requestId, trigger, actor, TriggerArgs.Of(args).WithComment(comment));
    }

    /// <summary>Verified, compiled (pages counted, the package attached when asked) and approved by a second person.</summary>
    public static async Task<string> ThroughReviewAsync(this BackOfficeFactory factory, Guid requestId, int paperPages = 0,
        int electronicPages = 0, byte[]? package = null)
    {
        await factory.FireAsync(requestId, "Verify", Clerk, ("identityChecked", "true"));
        await factory.FireAsync(requestId, "StartFulfillment", Clerk);
        await factory.FireAsync(requestId, "RecordPages", Clerk,
            ("contentsChecked", "true"), ("paper", paperPages.ToString(CultureInfo.InvariantCulture)), ("electronic", electronicPages.ToString(CultureInfo.InvariantCulture)));
        if (package is not null) await factory.AttachPackageAsync(requestId, package);
        await factory.FireAsync(requestId, "SubmitForReview", Clerk);
        return (await factory.FireAsync(requestId, "Approve", Reviewer)).ToState;
    }

    public static async Task PayInFullAsync(this BackOfficeFactory factory, Guid requestId)
    {
        var balance = (await factory.LoadAsync(requestId)).BalanceDue;
        await factory.FireAsync(requestId, "RecordPayment", Clerk,
            ("method", "CreditCardByPhone"), ("amount", balance.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The name the release package had on the clerk's computer; never what a requester's download is called.</summary>
    public const string ClerkFileName = "Lopez M compiled FINAL v2.pdf";

    /// <summary>Stores the bytes where the document store keeps files and attaches them as the release package.</summary>
    public static async Task AttachPackageAsync(this BackOfficeFactory factory, Guid requestId, byte[] bytes)
    {
        var key = $"{DateTime.UtcNow:yyyy}/{Guid.NewGuid():N}";
        var path = Path.Combine(factory.DataDirectory, "documents", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await factory.Services.GetRequiredService<AtRestEncryption>().WriteFileAsync(path, bytes, CancellationToken.None);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var request = await db.Requests.Include(r => r.Documents).SingleAsync(r => r.Id == requestId);
        request.AddDocument(DocumentKind.ReleasePackage, ClerkFileName, "application/pdf", bytes.Length, key,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    public static async Task<RecordsRequest> LoadAsync(this BackOfficeFactory factory, Guid requestId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>().Requests.AsNoTracking()
            .Include(r => r.Payments).SingleAsync(r => r.Id == requestId);
    }

    public static async Task<T> QueryAsync<T>(this BackOfficeFactory factory, Func<BackOfficeDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>());
    }

    /// <summary>The department's written date ("March 3, 2026") of a day.</summary>
    public static string Written(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));

    public static string DataDirectoryOf(BackOfficeFactory factory) =>
        factory.Services.GetRequiredService<WorkflowsOptions>().Database.DataDirectory;

    /// <summary>The page as text: the antiforgery token (new on every response) removed, entities decoded.</summary>
    public static string WithoutAntiforgeryToken(string html) =>
        AntiforgeryValue().Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"\"");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex AntiforgeryValue();
}
