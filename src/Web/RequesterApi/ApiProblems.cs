namespace BackOffice.Web.RequesterApi;

/// <summary>The requester API's refusals, all problem details (RFC 9457) with a title a person can act on.</summary>
public static class ApiProblems
{
    public static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is needed.", detail: detail);

    public static IResult NotFound(string title = "There is no request with this tracking number for your organization.") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title);

    public static IResult Conflict(string title, string? detail = null) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>400 with an <c>errors</c> entry per field, in the order given.</summary>
    public static IResult Invalid(IEnumerable<(string Field, string Message)> errors, string title = "Some fields are missing or wrong.")
    {
        var byField = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, message) in errors)
            byField[field] = byField.TryGetValue(field, out var earlier) ? [.. earlier, message] : [message];
        return Results.ValidationProblem(byField, title: title);
    }

    public static IResult Invalid(string field, string message) => Invalid([(field, message)], message);
}
