using System.Text.Json;
using BackOffice.Rules;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Api;

/// <summary>POST /api/fee-estimate: what copies would cost, line by line with the legal basis of each charge.</summary>
public static class FeeEstimateEndpoint
{
    public static IEndpointRouteBuilder MapFeeEstimate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/fee-estimate", Handle)
            .WithName("FeeEstimate")
            .Accepts<JsonElement>("application/json")
            .Produces<FeeEstimateResponse>()
            .ProducesValidationProblem()
            .RequireRateLimiting(RateLimits.PublicApi)
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> Handle(HttpRequest request, RulesEvaluator rules, DepartmentClock clock)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        }
        catch (JsonException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is not valid JSON."] });
        }

        var (input, errors) = FeeEstimateInput.Read(body, clock.Today);
        if (input is null) return Results.ValidationProblem(errors, title: "The estimate request has invalid fields.");
        return Results.Ok(FeeEstimateResponse.From(input.Estimate(rules), input));
    }
}
