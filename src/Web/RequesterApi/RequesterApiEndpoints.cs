using BackOffice.Web.Api;
using BackOffice.Web.Documents;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.RequesterApi;

/// <summary>
/// The requester API (<c>/api/v1</c>) for registered requester organisations: every endpoint but the fee estimate behind
/// the organisation's API key (<see cref="ApiKeyCheck"/>: 401, rate limit, audit). Described by the OpenAPI document at
/// <c>/openapi/v1.json</c>.
/// </summary>
public static class RequesterApiEndpoints
{
    public const string Root = "/api/v1";
    public const string Requests = Root + "/requests";
    public const string DocumentName = "v1";

    public static string RequestPath(string trackingNumber) => $"{Requests}/{trackingNumber}";

    public static IServiceCollection AddRequesterApi(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyCheck>();
        services.AddScoped<CreateRequest>();
        services.AddScoped<RequestStatus>();
        services.AddScoped<RequestList>();
        services.AddScoped<RequestDocuments>();
        services.AddScoped<ReleasedRecords>();
        services.AddScoped<AuthorizationUploads>();
        services.AddRequesterApiDocument();
        return services;
    }

    public static IEndpointRouteBuilder MapRequesterApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Root).WithTags("Requests").DisableAntiforgery();
        var keyed = api.MapGroup("").AddEndpointFilter<ApiKeyCheck>().WithMetadata(new ApiKeyRequired())
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        keyed.MapPost("/requests", (HttpContext http, CreateRequest handler) => handler.HandleAsync(http))
            .WithName("CreateRequest")
            .WithSummary("Send an authorization; the request enters the lifecycle with the organization as requester.")
            .Accepts<AuthorizationForm.AuthorizationFormInput>("application/json", "multipart/form-data")
            .Produces<CreatedRequest>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new UploadLimitsAttribute { Files = 1 });

        keyed.MapPost("/authorizations", (HttpContext http, AuthorizationUploads handler) => handler.HandleAsync(http))
            .WithName("UploadAuthorization")
            .WithSummary("Upload a signed authorization (PDF) first, to name it as authorizationUploadId in a JSON request.")
            .Accepts<IFormFile>("application/pdf", "multipart/form-data")
            .Produces<UploadedAuthorization>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new UploadLimitsAttribute { Files = 1 });

        keyed.MapGet("/requests", (HttpContext http, RequestList handler, string? state, string? changedSince, int? limit, string? cursor) =>
                handler.HandleAsync(http, state, changedSince, limit, cursor))
            .WithName("ListRequests")
            .WithSummary("The organization's requests, oldest change first, keyset-paged (follow next).")
            .Produces<RequestListAnswer>()
            .ProducesValidationProblem();

        keyed.MapGet("/requests/{trackingNumber}", (HttpContext http, RequestStatus handler, string trackingNumber) =>
                handler.HandleAsync(http, trackingNumber))
            .WithName("GetRequest")
            .WithSummary("One of the organization's requests: state, due date, invoice, what is missing.")
            .Produces<RequestStatusAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        keyed.MapPost("/requests/{trackingNumber}/documents", (HttpContext http, RequestDocuments handler, string trackingNumber) =>
                handler.HandleAsync(http, trackingNumber))
            .WithName("AddDocument")
            .WithSummary("Answer a hold for missing information with a document (multipart: file, kind).")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AddedDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new UploadLimitsAttribute { Files = 1 });

        keyed.MapGet("/requests/{trackingNumber}/records", (HttpContext http, ReleasedRecords handler, string trackingNumber) =>
                handler.HandleAsync(http, trackingNumber))
            .WithName("DownloadRecords")
            .WithSummary("The released records (PDF) while the request's portal link is open; logged as a disclosure.")
            .Produces<FileStreamResult>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapFeeEstimate("/fee-estimate", "FeeEstimateV1").WithTags("Fees");
        return endpoints;
    }
}
