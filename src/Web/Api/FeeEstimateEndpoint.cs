using System.Text.Json;
using System.Text.Unicode;
using BackOffice.Rules;
using BackOffice.Web.Localization;
using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Api;

/// <summary>POST /api/fee-estimate: what copies would cost, line by line with the legal basis of each charge.</summary>
public static class FeeEstimateEndpoint
{
    /// <summary>Maps the estimate at <paramref name="pattern"/>: <c>/api/fee-estimate</c>, and <c>/fee-estimate</c> in the requester API's group.</summary>
    public static RouteHandlerBuilder MapFeeEstimate(this IEndpointRouteBuilder endpoints, string pattern = "/api/fee-estimate", string name = "FeeEstimate") =>
        endpoints.MapPost(pattern, Handle)
            .WithName(name)
            .Accepts<FeeEstimateRequest>("application/json")
            .Produces<FeeEstimateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();

    private static async Task<IResult> Handle(HttpRequest request, RulesEvaluator rules, DepartmentClock clock, PatientAttemptLimiter limiter,
        IStringLocalizer<FeeEstimateText> messages, RuleWords words)
    {
        // One count per client address for the API and the /fees form, on every node.
        if (!await limiter.TryUseAsync(AttemptBucket.FeeEstimatesPerIp, PatientAttemptLimiter.ClientKey(request.HttpContext), request.HttpContext.RequestAborted))
        {
            RateLimits.SetRetryAfter(request.HttpContext.Response, limiter.WindowOf(AttemptBucket.FeeEstimatesPerIp));
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: messages["TooMany"]);
        }

        // The body is small (RequestBodyLimits caps it); reading it whole lets invalid UTF-8 be named as such, where
        // the JSON reader would only fail later, on the first string read.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span)) return BodyProblem(messages["NotUtf8"]);

        JsonElement body;
        try
        {
            body = JsonSerializer.Deserialize<JsonElement>(bytes.Span);
        }
        catch (JsonException)
        {
            return BodyProblem(messages["NotJson"]);
        }

        var (input, errors) = FeeEstimateInput.Read(body, clock.Today, messages);
        if (input is null) return Results.ValidationProblem(errors, title: messages["InvalidFields"]);
        return Results.Ok(FeeEstimateResponse.From(input.Estimate(rules), input, words));
    }

    private static IResult BodyProblem(string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] }, title: message);
}
