using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Documents;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using BackOffice.Workflows.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using BackOffice.Web.Pages.Status;

namespace BackOffice.Web.RequesterApi;

/// <summary>What <c>POST /api/v1/requests</c> answers: the new request's tracking number, where to follow it, and its dates.</summary>
public sealed record CreatedRequest(string TrackingNumber, string State, string Status, DateOnly ReceivedOn, DateOnly DueOn, string Location);

/// <summary>
/// <c>POST /api/v1/requests</c>: a requester organisation sends an authorization. The body is the shared
/// <see cref="AuthorizationFormInput"/> as JSON (alone, or as the multipart part <c>form</c> beside the signed authorization
/// PDF in the part <c>authorization</c>), checked by the same <see cref="AuthorizationFormChecks"/> as every channel and
/// then by the domain; the organisation is the requester. The request enters the lifecycle with channel Api, so the
/// release rules run on it as on any request. An <c>Idempotency-Key</c> makes a retried call answer with the first
/// request (never a second one); the same key with a different body is a 409.
/// </summary>
public sealed class CreateRequest(BackOfficeDbContext db, LifecycleEngine engine, DocumentStore documents, AuthorizationUploads uploads,
    DepartmentClock clock, IOptions<SiteOptions> site, IStringLocalizer<StatusText> words, ILogger<CreateRequest> logger)
{
    public const string FormPart = "form";
    public const string AuthorizationPart = "authorization";
    public const string AuthorizationField = "authorization";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = ApiCaller.Of(http);
        var organisation = caller.Organisation;
        var (json, authorization, bodyProblem) = await ReadBodyAsync(http.Request);
        if (bodyProblem is not null) return ApiProblems.Invalid(bodyProblem.Field, bodyProblem.Message);

        string? authorizationHash = null;
        if (authorization is not null)
        {
            await using var stream = authorization.OpenReadStream();
            authorizationHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, http.RequestAborted));
        }

        var fingerprint = ApiSubmission.Fingerprint(json, authorizationHash);
        Guid? submissionKey = null;
        if (http.Request.Headers[ApiSubmission.Header].ToString() is { Length: > 0 } idempotencyKey)
        {
            if (ApiSubmission.Problem(idempotencyKey) is { } keyProblem) return ApiProblems.Invalid(ApiSubmission.Header, keyProblem);
            submissionKey = ApiSubmission.SubmissionKeyFor(organisation.Id, idempotencyKey);
            if (await EarlierAnswerAsync(http, submissionKey.Value, fingerprint) is { } earlier) return earlier;
        }

        JsonElement body;
        try
        {
            body = JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException)
        {
            return ApiProblems.Invalid("body", "The form is not valid JSON.");
        }

        var (uploaded, uploadProblem, formBody) = await UploadNamedAsync(body, organisation.Id, authorization is not null);
        body = formBody;
        var today = clock.Today;
        var (form, errors) = ApiFormReader.Read(body);
        if (uploadProblem is not null) errors.Add(uploadProblem);
        if (body.ValueKind == JsonValueKind.Object)
        {
            AsSentByOrganisation(form, organisation);
            errors.AddRange(Check(form, organisation, authorization is not null || uploaded is not null || uploadProblem is not null,
                authorization?.Length, today));
            // The domain's own checks on the draft the form describes (the same as for the online form and paper intake).
            errors.AddRange(form.ToDraft(FormChannel.Api, today).Validate(today));
        }

        if (errors.Count > 0) return Invalid(errors);

        DraftDocument? scan = null;
        if (authorization is not null)
        {
            try
            {
                await using var content = authorization.OpenReadStream();
                scan = await documents.SaveAsync(content, authorization.FileName, DocumentKind.AuthorizationScan, http.RequestAborted);
            }
            catch (DocumentRejectedException rejected)
            {
                return ApiProblems.Invalid(AuthorizationField, rejected.Message);
            }

            if (scan.ContentType != "application/pdf")
            {
                documents.Delete(scan.StorageKey);
                return ApiProblems.Invalid(AuthorizationField, "The signed authorization must be a PDF.");
            }

            form.Documents = [scan];
        }
        else if (uploaded is not null)
        {
            form.Documents = [uploaded];
        }

        var draft = form.ToDraft(FormChannel.Api, today) with
        {
            SubmissionKey = submissionKey,
            SubmissionFingerprint = submissionKey is null ? null : fingerprint,
            RequesterOrganisationId = organisation.Id,
            Language = RequesterLanguage.English,
        };
        RecordsRequest request;
        try
        {
            // Not cancelled when the caller hangs up: a request half-sent must finish, and its retry then finds it.
            // A separately uploaded authorization is taken over in the same commit (its staged record goes).
            request = await engine.StartAsync(draft, today, new Actor(caller.ActorId, organisation.Name,
                new HashSet<string> { LifecycleRoles.Requester }), uploaded is null ? [] : [uploaded.StorageKey], CancellationToken.None);
        }
        catch (InvalidDraftException invalid)
        {
            if (scan is not null) documents.Delete(scan.StorageKey);
            return Invalid([.. invalid.Errors]);
        }
        catch (Exception e) when (e is DbUpdateException or MissingUploadsException)
        {
            // The same key sent at the same moment (a retry racing the first call, another node) was stored first.
            if (scan is not null) documents.Delete(scan.StorageKey);
            db.ChangeTracker.Clear();
            if (submissionKey is not null && await EarlierAnswerAsync(http, submissionKey.Value, fingerprint) is { } first) return first;
            if (e is MissingUploadsException) return ApiProblems.Invalid(AuthorizationUploads.IdField, UploadGone);
            throw;
        }

        ApiKeyCheck.AuditRequest(http, request.Id);
        logger.LogInformation("Requester API request {TrackingNumber} received from organization {OrganisationId} ({Kind}, state {State})",
            request.TrackingNumber, organisation.Id, request.Kind, request.State);
        var created = Answer(request.TrackingNumber, request.State, request.ReceivedOn, request.DueOn);
        return Results.Created(created.Location, created);
    }

    /// <summary>
    /// The form as the organisation sends it: the organisation is the requester (its registered type and name; its
    /// contact unless the form names someone), it is an authorization, and the organisation receives the copies at its
    /// registered address unless the form says otherwise; the records asked for are this group's.
    /// </summary>
    private static void AsSentByOrganisation(AuthorizationFormInput form, Workflows.Organisations.RequesterOrganisation organisation)
    {
        var requester = form.Requester;
        requester.Type = organisation.Type;
        requester.Organisation = organisation.Name;
        requester.Name ??= organisation.ContactName ?? organisation.Name;
        requester.Phone ??= organisation.ContactPhone;
        requester.Email ??= organisation.ContactEmail;
        form.Kind ??= RequestKind.Authorization;
        form.Receives ??= RecipientChoice.Requester;
        if (form.Receives == RecipientChoice.Requester && form.Recipient.IsEmpty)
        {
            form.Recipient.Name = requester.Name;
            form.Recipient.Organisation = organisation.Name;
            form.Recipient.Email = requester.Email;
            form.Recipient.Phone = requester.Phone;
            form.Recipient.Address = new AddressInput
            {
                Line1 = organisation.Address.Line1, Line2 = organisation.Address.Line2, City = organisation.Address.City,
                State = organisation.Address.State, PostalCode = organisation.Address.PostalCode,
            };
        }

        if (form.Locations.Count == 0) form.Locations = [RecordsLocation.MedicalGroup];
    }

    /// <summary>
    /// The authorization uploaded before (<see cref="AuthorizationUploads"/>) that the JSON names in
    /// <c>authorizationUploadId</c>, which is taken out of the form's fields; a problem when the id is not this
    /// organisation's, no longer kept, or comes with a multipart authorization too.
    /// </summary>
    private async Task<(DraftDocument? Uploaded, FieldError? Problem, JsonElement Form)> UploadNamedAsync(JsonElement body, Guid organisationId,
        bool multipartToo)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, null, body);
        var named = body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, AuthorizationUploads.IdField, StringComparison.OrdinalIgnoreCase));
        if (named.Value.ValueKind == JsonValueKind.Undefined) return (null, null, body);
        var rest = JsonObject.Create(body)!;
        rest.Remove(named.Name);
        var form = JsonSerializer.SerializeToElement(rest);
        if (named.Value.ValueKind != JsonValueKind.String || named.Value.GetString() is not { Length: > 0 and < 4000 } id)
            return (null, new(AuthorizationUploads.IdField, "Use the authorizationUploadId POST /api/v1/authorizations answered."), form);
        if (multipartToo)
            return (null, new(AuthorizationUploads.IdField, "Send the signed authorization once: in the multipart part \"authorization\" or as an upload, not both."), form);
        var document = uploads.Read(organisationId, id);
        if (document is null || !await db.StagedUploads.AnyAsync(u => u.StorageKey == document.StorageKey && u.WizardId == organisationId))
            return (null, new(AuthorizationUploads.IdField, UploadGone), form);
        return (document, null, form);
    }

    private const string UploadGone = "This upload is not known or no longer kept: upload the signed authorization again.";

    private IEnumerable<FieldError> Check(AuthorizationFormInput form, Workflows.Organisations.RequesterOrganisation organisation,
        bool authorizationSent, long? authorizationSize, DateOnly today)
    {
        foreach (var error in AuthorizationFormChecks.All(form, new FormCheckContext(today, site.Value, FormChannel.Api))) yield return error;
        if (form.Delivery is { } delivery && !organisation.Allows(delivery))
            yield return new("Delivery", $"Your organization may choose: {string.Join(", ", organisation.AllowedDeliveryMethods)}.");
        var unknownTypes = form.Information.RecordTypes.Where(t => !RequestLabels.RecordTypes.Contains(t)).ToList();
        if (unknownTypes.Count > 0)
            yield return new("Information.RecordTypes", $"Use the form's kinds of records: {string.Join("; ", RequestLabels.RecordTypes)}.");
        // 45 CFR 164.506(c)(2): a provider asking to treat the patient needs no authorization; everyone else sends the signed one.
        if (!authorizationSent && !AuthorizationFormChecks.IsForTreatment(form))
        {
            yield return new(AuthorizationField,
                "Send the signed authorization as a PDF in the multipart part \"authorization\", or upload it first (POST /api/v1/authorizations) and give its authorizationUploadId.");
        }
        else if (authorizationSize > documents.MaxBytes)
            yield return new(AuthorizationField, $"The signed authorization is larger than {documents.MaxSizeText}.");
    }

    /// <summary>The answer to a call whose idempotency key was used before: the first request, or 409 if something else was sent.</summary>
    private async Task<IResult?> EarlierAnswerAsync(HttpContext http, Guid submissionKey, string fingerprint)
    {
        var earlier = await RequestBySubmissionKey.For(db)(db, submissionKey, CancellationToken.None);
        if (earlier is null) return null;
        ApiKeyCheck.AuditRequest(http, earlier.Id);
        if (earlier.SubmissionFingerprint != fingerprint)
        {
            return ApiProblems.Conflict("This Idempotency-Key was used before with a different request.",
                "Use a new key for a new request; send exactly the same body to repeat a call.");
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        var created = Answer(earlier.TrackingNumber, earlier.State, earlier.ReceivedOn, earlier.DueOn);
        return Results.Created(created.Location, created);
    }

    private sealed record EarlierRequest(Guid Id, string TrackingNumber, string State, DateOnly ReceivedOn, DateOnly DueOn, string? SubmissionFingerprint);

    // Compiled once (per model): every call with an Idempotency-Key looks its key up first.
    private static readonly PerModelCompiledQuery<Func<BackOfficeDbContext, Guid, CancellationToken, Task<EarlierRequest?>>> RequestBySubmissionKey = new(() =>
        EF.CompileAsyncQuery((BackOfficeDbContext db, Guid submissionKey, CancellationToken cancellationToken) => db.Requests.AsNoTracking()
            .Where(r => r.SubmissionKey == submissionKey)
            .Select(r => new EarlierRequest(r.Id, r.TrackingNumber, r.State, r.ReceivedOn, r.DueOn, r.SubmissionFingerprint))
            .SingleOrDefault()));

    private CreatedRequest Answer(string trackingNumber, string state, DateOnly receivedOn, DateOnly dueOn) =>
        new(trackingNumber, state, words[StatusWording.HeadlineKey(state)], receivedOn, dueOn, RequesterApiEndpoints.RequestPath(trackingNumber));

    /// <summary>One message per field, the first found, in the paper form's order, named as the JSON names it.</summary>
    private static IResult Invalid(IEnumerable<FieldError> errors)
    {
        var order = AuthorizationFormInput.FieldOrder.ToList();
        var first = errors.GroupBy(e => e.Field, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(e => order.IndexOf(e.Field) is var i and >= 0 ? i : order.Count);
        return ApiProblems.Invalid(first.Select(e => (ApiFieldNames.Of(e.Field), e.Message)));
    }

    private static async Task<(byte[] Json, IFormFile? Authorization, FieldError? Problem)> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return ([], null, new("body", "The multipart body could not be read."));
            }

            var authorization = form.Files.GetFile(AuthorizationPart);
            byte[] json;
            if (form.Files.GetFile(FormPart) is { } formFile)
            {
                using var buffer = new MemoryStream();
                await using (var stream = formFile.OpenReadStream()) await stream.CopyToAsync(buffer, request.HttpContext.RequestAborted);
                json = buffer.ToArray();
            }
            else if (form.TryGetValue(FormPart, out var text) && text.Count == 1)
            {
                json = System.Text.Encoding.UTF8.GetBytes(text.ToString());
            }
            else
            {
                return ([], authorization, new(FormPart, "Send the form's JSON in the multipart part \"form\"."));
            }

            return Utf8.IsValid(json) ? (json, authorization, null) : ([], null, new("body", "The form is not valid UTF-8."));
        }

        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return ([], null, new("body", "Send the form as application/json, or as multipart/form-data with the parts \"form\" and \"authorization\"."));
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        var bytes = body.ToArray();
        return Utf8.IsValid(bytes) ? (bytes, null, null) : ([], null, new("body", "The form is not valid UTF-8."));
    }
}
