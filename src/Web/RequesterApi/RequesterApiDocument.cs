using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace BackOffice.Web.RequesterApi;

/// <summary>
/// The OpenAPI document of the requester API (<c>/openapi/v1.json</c>, Microsoft.AspNetCore.OpenApi), made from the
/// endpoints themselves, so it cannot drift from them: only <c>/api/v1</c>, with the key as the security scheme of every
/// endpoint that needs it.
/// </summary>
public static class RequesterApiDocument
{
    public const string SecurityScheme = "ApiKey";
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string ReferencePath = "/api/v1/reference";
    /// <summary>Where Scalar.AspNetCore serves its script; the reference page itself is ours (<c>Pages/ApiReference</c>), with no inline script.</summary>
    public const string ScalarAssets = "/api/v1/reference/scalar";

    public static IServiceCollection AddRequesterApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(RequesterApiEndpoints.DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "BackOffice requester API",
                    Version = "v1",
                    Description = "For registered requester organizations (law firms, insurers, providers, agencies): send authorizations, "
                        + "follow your requests, answer holds for missing information, download released records. Send your API key as "
                        + "\"Authorization: Bearer <key>\" or in the X-Api-Key header. Errors are problem details (RFC 9457); a 400 names "
                        + "each bad field in \"errors\".",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The organization's API key (bo_…), issued by the records department. X-Api-Key: <key> works too.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var keyed = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequired>().Any();
                if (keyed)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, context.Document)] = [] });
                }

                if (context.Description.RelativePath == "api/v1/requests/{trackingNumber}/documents")
                {
                    Multipart(operation, new Dictionary<string, IOpenApiSchema>
                    {
                        [RequestDocuments.FilePart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "PDF, JPEG or PNG." },
                        [RequestDocuments.KindPart] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String, Enum = [JsonValue.Create("AuthorizationScan"), JsonValue.Create("Supporting")],
                            Description = "AuthorizationScan (default): a signed or corrected authorization; Supporting: letters of office, a court order…",
                        },
                    }, [RequestDocuments.FilePart]);
                }

                if (context.Description.RelativePath == "api/v1/requests" && context.Description.HttpMethod == "POST")
                {
                    Multipart(operation, new Dictionary<string, IOpenApiSchema>
                    {
                        [CreateRequest.FormPart] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String, Description = "The form as JSON (the application/json body's schema).",
                        },
                        [CreateRequest.AuthorizationPart] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String, Format = "binary",
                            Description = "The signed authorization, a PDF; optional only for a provider asking for records to treat the patient.",
                        },
                    }, [CreateRequest.FormPart]);
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = ApiSubmission.Header,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Makes a retried call answer with the first request (scoped to your organization). Same key with a different body: 409.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ApiSubmission.MaxKeyLength },
                    });
                }

                return Task.CompletedTask;
            });
            // The form's schema shows what the API takes: no computed values, none of the fields it refuses.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type.Namespace != typeof(AuthorizationForm.AuthorizationFormInput).Namespace || schema.Properties is null) return Task.CompletedTask;
                var hidden = type.GetProperties().Where(p => !p.CanWrite || p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.ModelBinding.BindNeverAttribute), true).Length > 0)
                    .Select(p => p.Name)
                    .Concat(ApiFormReader.NotTakenFields.Where(f => f.Section == type).Select(f => f.Property));
                foreach (var name in hidden)
                {
                    var key = schema.Properties.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                    if (key is not null && !IsSection(type, name)) schema.Properties.Remove(key);
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    // A section (Requester, Patient…) is get-only but filled in, not computed.
    private static bool IsSection(Type type, string property) =>
        type.GetProperty(property)?.PropertyType is { IsClass: true } section && section.Namespace == type.Namespace;

    private static void Multipart(OpenApiOperation operation, Dictionary<string, IOpenApiSchema> parts, HashSet<string> required)
    {
        if (operation.RequestBody?.Content is not { } content) return;
        content["multipart/form-data"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = parts, Required = required },
        };
    }

    /// <summary>The document at <c>/openapi/v1.json</c>, and the script of its reference page at <c>/api/v1/reference</c> (Scalar).</summary>
    public static IEndpointRouteBuilder MapRequesterApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath);
        endpoints.MapScalarApiReference(ScalarAssets, options => options.WithTitle("BackOffice requester API"));
        return endpoints;
    }
}

/// <summary>Marks an endpoint behind the organisation's API key (for the OpenAPI document's security requirement).</summary>
public sealed class ApiKeyRequired;
