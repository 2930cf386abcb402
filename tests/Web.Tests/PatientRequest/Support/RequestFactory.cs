using System.Net;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.PatientRequest.Support;

/// <summary>The app for the online request tests: a stopped clock and a known client address.</summary>
public static class RequestFactory
{
    public static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.7");

    public static BackOfficeFactory Create(FakeTimeProvider time, IDictionary<string, string?>? settings = null) => new(WithRoomForUploads(settings))
    {
        ConfigureServices = services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        },
    };

    // Every form of a test class comes from ClientAddress on a stopped clock, so the per-address upload limit would count
    // the whole class as one visitor; the tests of that limit set it themselves.
    private static Dictionary<string, string?> WithRoomForUploads(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.TryAdd("BackOffice:Documents:UploadsPerAddress", "100000");
        all.TryAdd("BackOffice:Documents:UploadBytesPerAddress", "100000000000");
        return all;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = ClientAddress;
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>One app per test class; each test uses its own <see cref="RequestForm"/> (its own cookies and patient).</summary>
public sealed class RequestAppFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    public BackOfficeFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = RequestFactory.Create(Time);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
