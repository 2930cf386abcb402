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

    public static BackOfficeFactory Create(FakeTimeProvider time, IDictionary<string, string?>? settings = null) => new(settings)
    {
        ConfigureServices = services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        },
    };

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
