using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BackOffice.Web.Tests.Operations;

/// <summary>Spans come from process-wide sources (every host in the test process feeds every listener): these tests run
/// alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryRuns
{
    public const string Name = "Telemetry";
}

/// <summary>
/// OpenTelemetry: the lifecycle, rules, jobs, HTTP and database calls are traced and counted, exported over OTLP or
/// scraped by Prometheus when configured, with tracking numbers and names of states only — never a patient value.
/// </summary>
[Collection(TelemetryRuns.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task AWholeRequest_IsTracedWithoutAnyPatientValue()
    {
        await using var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow),
            new Dictionary<string, string?> { [BackOfficeFactory.CaptureTelemetry] = "true" });
        var (request, patientValues) = await WholeRequest.RunAsync(factory);
        // The jobs carry out what the request's steps put in the outbox: e-mails to the patient and staff, documents.
        var pending = await factory.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.ProcessedAt == null).Select(o => o.Id).ToListAsync());
        pending.ShouldNotBeEmpty();
        foreach (var id in pending)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(id);
        }

        var spans = factory.Spans;
        var dispatches = spans.Where(s => s.DisplayName == "outbox dispatch").ToList();
        dispatches.Count.ShouldBe(pending.Count);
        dispatches.ShouldContain(s => Equals(s.GetTagItem("backoffice.outbox.outcome"), "sent") && Equals(s.GetTagItem("backoffice.outbox.kind"), "Document"));
        dispatches.ShouldContain(s => Equals(s.GetTagItem("backoffice.outbox.outcome"), "sent") && Equals(s.GetTagItem("backoffice.outbox.kind"), "RequesterMessage"));
        var submit = spans.Where(s => s.DisplayName == "lifecycle Submit" && Equals(s.GetTagItem("backoffice.lifecycle.from"), ""))
            .ShouldHaveSingleItem();
        submit.GetTagItem("backoffice.lifecycle.outcome").ShouldBe("done");
        submit.GetTagItem("backoffice.lifecycle.to").ShouldNotBeNull().ToString().ShouldNotBeEmpty();
        var mail = spans.Last(s => s.DisplayName == "lifecycle Mail");
        mail.GetTagItem("backoffice.lifecycle.to").ShouldBe("Completed");
        spans.Any(s => s.DisplayName == "rules release" && s.GetTagItem("backoffice.rules.version") is int).ShouldBeTrue();
        spans.Any(s => s.DisplayName == "rules fees" && s.GetTagItem("backoffice.rules.errors") is 0).ShouldBeTrue();
        // The transaction of the submission is a child of the HTTP request that made it, with its database calls.
        var post = spans.Single(s => s.SpanId == submit.ParentSpanId);
        post.Kind.ShouldBe(ActivityKind.Server);
        spans.ShouldContain(s => s.Kind == ActivityKind.Client && s.Tags.Any(t => t.Key.StartsWith("db.", StringComparison.Ordinal))
            && s.TraceId == submit.TraceId);
        // The search by the patient's name was made, and its query string is not in the span.
        spans.ShouldContain(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("url.path"), "/Staff/Requests"));

        var texts = spans.SelectMany(Texts).ToList();
        texts.ShouldContain(t => t.Contains(request.TrackingNumber, StringComparison.Ordinal) || t.Contains(request.Id.ToString(), StringComparison.Ordinal));
        var leaks = WholeRequest.Leaks(texts, patientValues);
        leaks.ShouldBeEmpty(string.Join(Environment.NewLine, leaks.Take(20)));
    }

    [Fact]
    public async Task Prometheus_ScrapesRequestsReceivedTransitionsRulesAndOpenRequests()
    {
        await using var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
        {
            ["BackOffice:Telemetry:Prometheus:Enabled"] = "true",
            ["BackOffice:Telemetry:RequestFiguresSeconds"] = "5",
        });
        using var form = new RequestForm(factory);
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var state = (await form.StoredRequestsAsync()).ShouldHaveSingleItem().State;

        var metrics = "";
        for (var wait = 0; wait < 30 && !metrics.Contains($"backoffice_request_state=\"{state}\"", StringComparison.Ordinal); wait++)
        {
            if (wait > 0) await Task.Delay(500);
            var response = await form.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            metrics = await response.Content.ReadAsStringAsync();
        }

        var lines = metrics.Split('\n');
        void Series(string name, string label) => lines.ShouldContain(l => l.StartsWith(name + "{", StringComparison.Ordinal)
            && l.Contains(label, StringComparison.Ordinal), $"{name} with {label}");
        Series("backoffice_requests_received_total", "backoffice_request_channel=\"Online\"");
        Series("backoffice_lifecycle_transition_duration_seconds_count", "backoffice_lifecycle_trigger=\"Submit\"");
        Series("backoffice_lifecycle_transition_duration_seconds_count", $"backoffice_lifecycle_to=\"{state}\"");
        Series("backoffice_rules_evaluation_duration_seconds_count", "backoffice_rules_kind=\"release\"");
        Series("backoffice_requests_open", $"backoffice_request_state=\"{state}\"");
        Series("backoffice_requests_overdue", "otel_scope_name=\"BackOffice.Requests\"");
        metrics.ShouldContain("http_server_request_duration_seconds");
    }

    [Fact]
    public async Task Prometheus_OnItsOwnPort_AnswersOnlyThere()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Telemetry:Prometheus:Enabled"] = "true",
            ["BackOffice:Telemetry:Prometheus:Port"] = "9464",
            // As in production: HTTPS required and only the public host answered — the scrape port is exempt.
            ["BackOffice:Http:RequireHttps"] = "true",
        })
        {
            ConfigureServices = services => services.AddSingleton<IStartupFilter>(new LocalPortFromHeader()),
        };
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        HttpRequestMessage Get(string path, int? port)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (port is { } local) message.Headers.Add(LocalPortFromHeader.Header, local.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return message;
        }

        var scraped = await client.SendAsync(Get("/metrics", 9464));
        scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await scraped.Content.ReadAsStringAsync()).ShouldContain("target_info");
        (await client.SendAsync(Get("/", 9464))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendAsync(Get("/health", 9464))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // On the app's own port the path is an ordinary page address: redirected to HTTPS, then not found.
        (await client.SendAsync(Get("/metrics", null))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    /// <summary>The test server has no ports: a header says which local port a request "arrived on".</summary>
    private sealed class LocalPortFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Local-Port";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (int.TryParse(context.Request.Headers[Header], out var port)) context.Connection.LocalPort = port;
                return following(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task NoExporterConfigured_CollectsNothingAndServesNoMetrics()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();

        (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        factory.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task AnUnknownExporter_StopsStartUp_NamingTheSetting()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Telemetry:Exporter"] = "zipkin" });

        var error = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        error.Message.ShouldContain("BackOffice:Telemetry:Exporter must be 'none' or 'otlp'");
    }

    [Fact]
    public async Task Otlp_SendsTracesAndMetricsToTheCollector()
    {
        await using var collector = await FakeCollector.StartAsync();
        var factory = RequestFactory.Create(new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?>
        {
            ["BackOffice:Telemetry:Exporter"] = "otlp",
            ["BackOffice:Telemetry:OtlpProtocol"] = "http/protobuf",
            ["BackOffice:Telemetry:OtlpEndpoint"] = collector.Address,
            ["BackOffice:Telemetry:ServiceName"] = "backoffice-otlp-test",
        });
        await using (factory)
        {
            using var form = new RequestForm(factory);
            (await form.SubmitAsync()).Location().ShouldBe("/request/done");
            // Stopping the app flushes too, but only for a few seconds: on a busy machine the export can take longer.
            factory.Services.GetRequiredService<TracerProvider>().ForceFlush(60_000).ShouldBeTrue();
            factory.Services.GetRequiredService<MeterProvider>().ForceFlush(60_000).ShouldBeTrue();
        }

        var traces = collector.Bodies("/v1/traces");
        traces.ShouldContain(body => body.Contains("backoffice-otlp-test", StringComparison.Ordinal)
            && body.Contains("lifecycle Submit", StringComparison.Ordinal));
        var metrics = collector.Bodies("/v1/metrics");
        metrics.ShouldContain(body => body.Contains("backoffice.requests.received", StringComparison.Ordinal));
        // EF Core's own meter is exported too: its query and SaveChanges counters.
        metrics.ShouldContain(body => body.Contains("microsoft.entityframeworkcore.queries", StringComparison.Ordinal)
            && body.Contains("microsoft.entityframeworkcore.savechanges", StringComparison.Ordinal));
        collector.ContentTypes.ShouldAllBe(type => type == "application/x-protobuf");
    }

    /// <summary>Every text a span carries to a collector: its name, tags, events and status.</summary>
    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.DisplayName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}: {t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));

    /// <summary>An OTLP/HTTP collector on loopback that keeps what it is sent (protobuf strings are UTF-8 in the body).</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string ContentType, string Body)> _received = new();

        private FakeCollector(WebApplication app) => _app = app;

        public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public IReadOnlyList<string> ContentTypes => [.. _received.Select(r => r.ContentType)];

        public IReadOnlyList<string> Bodies(string path) => [.. _received.Where(r => r.Path == path).Select(r => r.Body)];

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new FakeCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._received.Enqueue((context.Request.Path, context.Request.ContentType ?? "", Encoding.UTF8.GetString(body.ToArray())));
                context.Response.ContentType = "application/x-protobuf";
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
