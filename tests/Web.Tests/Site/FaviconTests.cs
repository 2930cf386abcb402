using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Site;

/// <summary>Browsers ask every page for an icon: it is linked from the shared layout and served (no 404 in every log).</summary>
public sealed partial class FaviconTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task FaviconIco_IsServed_AsAnIcon()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBeOneOf("image/x-icon", "image/vnd.microsoft.icon");
        (await response.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0, 0, 1, 0 }); // an ICO file's header
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignIn")]
    public async Task EveryPage_LinksTheIcon_AndTheLinkAnswers(string page)
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var link = IconLink().Match(html);

        link.Success.ShouldBeTrue($"{page} links no icon");
        (await client.GetAsync(new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("<link rel=\"icon\" href=\"([^\"]+)\"")]
    private static partial Regex IconLink();
}
