// The load program's baseline: the online request's 17 calls (GET and POST each of the seven steps, GET and POST the
// review, GET the done page) answered by a bare ASP.NET Core app — the same paths, a small form page with a hidden
// token, a cookie, form and multipart bodies read, redirects to the next step — and nothing else: no database, no
// antiforgery, no Razor. What BackOffice does beyond this is what a complete request costs over the framework.
using System.Security.Cryptography;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

string[] steps = ["", "patient", "release", "information", "delivery", "purpose", "sign", "review"];
for (var i = 0; i < steps.Length; i++)
{
    var path = steps[i].Length == 0 ? "/request" : "/request/" + steps[i];
    var next = i + 1 < steps.Length ? "/request/" + steps[i + 1] : "/request/done";
    app.MapGet(path, (HttpContext context) => FormPage(context, path));
    app.MapPost(path, async (HttpContext context) =>
    {
        var form = await context.Request.ReadFormAsync();
        if (form["__RequestVerificationToken"].Count == 0) return Results.BadRequest();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            await stream.CopyToAsync(Stream.Null);
        }

        context.Response.Cookies.Append("wizard", Convert.ToBase64String(RandomNumberGenerator.GetBytes(256)), new CookieOptions { HttpOnly = true });
        return Results.Redirect(next);
    });
}

app.MapGet("/request/done", (HttpContext context) => FormPage(context, "/request/done"));

// The staff queue's baseline: a signed-in page view (a session cookie checked) answering a 50-row table.
app.MapGet("/staff/requests", (HttpContext context) =>
{
    if (!context.Request.Cookies.ContainsKey("session")) return Results.Unauthorized();
    var rows = string.Concat(Enumerable.Range(1, 50).Select(i => $"<tr><td>BO-{i:D6}</td><td>Received</td><td>2026-12-31</td></tr>"));
    return Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><title>Queue</title></head><body><table>{rows}</table></body></html>",
        "text/html; charset=utf-8");
});
app.MapGet("/health", () => Results.Text("Healthy"));
app.Run();

static IResult FormPage(HttpContext context, string path)
{
    var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
    context.Response.Headers.CacheControl = "no-store";
    return Results.Content($"""
        <!DOCTYPE html><html lang="en"><head><title>{path}</title></head><body><main><form method="post" action="{path}">
        <input name="__RequestVerificationToken" type="hidden" value="{token}"><button type="submit">Next</button>
        </form></main></body></html>
        """, "text/html; charset=utf-8");
}
