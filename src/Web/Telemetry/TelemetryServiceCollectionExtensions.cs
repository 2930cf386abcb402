using System.Reflection;
using BackOffice.Rules;
using BackOffice.Web.Jobs;
using BackOffice.Workflows.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BackOffice.Web.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: HTTP requests (ASP.NET Core, HttpClient), database calls (EF Core spans; EF Core's
/// and Npgsql's own metrics), the lifecycle, the rules, the jobs, the requests received and open; runtime metrics. Nothing
/// is registered unless an exporter is configured (<see cref="TelemetryOptions"/>), so an installation without a
/// collector pays nothing.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>EF Core's meter (EF Core 9 and later): contexts alive, queries, SaveChanges, compiled-query cache,
    /// execution-strategy and optimistic-concurrency failures.</summary>
    public const string EntityFrameworkCoreMeter = "Microsoft.EntityFrameworkCore";

    /// <summary>Npgsql's meter (PostgreSQL only): connections in use and idle, pending requests, command durations.</summary>
    public const string NpgsqlMeter = "Npgsql";

    public static WebApplicationBuilder AddBackOfficeTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var settings = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!settings.Enabled) return builder;

        builder.Services.AddHostedService<RequestFigures>();
        var version = typeof(TelemetryOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName, serviceVersion: version))
            .WithTracing(tracing =>
            {
                tracing
                    // The health probes answer every few seconds; they would bury the requests people make.
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource(LifecycleTelemetry.Name, RulesTelemetry.Name, JobsTelemetry.Name);
                if (settings.Exporter == TelemetryOptions.Otlp) tracing.AddOtlpExporter(o => Configure(o, settings, "v1/traces"));
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // The database's own figures: no package needed, both publish on System.Diagnostics.Metrics.
                    .AddMeter(EntityFrameworkCoreMeter, NpgsqlMeter)
                    .AddMeter(LifecycleTelemetry.Name, RulesTelemetry.Name, JobsTelemetry.Name, RequestFigures.Name);
                if (settings.Exporter == TelemetryOptions.Otlp) metrics.AddOtlpExporter(o => Configure(o, settings, "v1/metrics"));
                if (settings.Prometheus.Enabled) metrics.AddPrometheusExporter();
            });
        return builder;
    }

    /// <summary>
    /// The Prometheus scrape endpoint on its own port, when one is configured: first in the pipeline, since a scraper on
    /// the internal network speaks plain HTTP to the node's address (no redirect to HTTPS, no public host name).
    /// </summary>
    public static void UseBackOfficeMetricsPort(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!settings.Prometheus.Enabled || settings.Prometheus.Port is not { } port) return;
        app.MapWhen(context => context.Connection.LocalPort == port, metrics =>
        {
            metrics.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == settings.Prometheus.Path);
            metrics.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>The Prometheus scrape endpoint on the app's own addresses, when configured without a port of its own.</summary>
    public static void MapBackOfficeMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!settings.Prometheus.Enabled || settings.Prometheus.Port is not null) return;
        app.MapPrometheusScrapingEndpoint(settings.Prometheus.Path);
    }

    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions settings, string signalPath)
    {
        exporter.Protocol = settings.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (string.IsNullOrWhiteSpace(settings.OtlpEndpoint)) return; // OTEL_EXPORTER_OTLP_ENDPOINT or the default
        var endpoint = new Uri(settings.OtlpEndpoint.TrimEnd('/') + "/");
        // Over HTTP each signal has its own path under the collector's address; gRPC takes the address as it is.
        exporter.Endpoint = exporter.Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, signalPath) : endpoint;
    }
}
