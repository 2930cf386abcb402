using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Support;

/// <summary>
/// The real app on Kestrel (a free loopback port) driven by Debian's Chromium through Playwright, as a
/// person would use it. Screenshots go to TestResults/artifacts.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserSession(BackOfficeFactory factory) => Factory = factory;

    public BackOfficeFactory Factory { get; }
    public string BaseUrl { get; private set; } = "";

    /// <param name="settings">The app's configuration, as for <see cref="BackOfficeFactory"/>.</param>
    /// <param name="configureServices">Services replaced or added after the app's own (<see cref="BackOfficeFactory.ConfigureServices"/>).</param>
    public static async Task<BrowserSession> StartAsync(IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var factory = new BackOfficeFactory(settings) { ConfigureServices = configureServices };
        factory.UseKestrel(0);
        factory.StartServer();
        var session = new BrowserSession(factory)
        {
            BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First().TrimEnd('/'),
        };
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BACKOFFICE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        return session;
    }

    /// <summary>A fresh browser context (its own cookies), phone-sized when asked. <paramref name="bypassCsp"/> only for
    /// a context that injects a test script (axe-core): the app's Content-Security-Policy allows no script of another origin.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, bool bypassCsp = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            BypassCSP = bypassCsp,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        // The CI machine runs many test hosts on two cores; a first page render can take far longer than on a desk.
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathFor(name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
