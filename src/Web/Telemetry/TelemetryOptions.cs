using System.ComponentModel.DataAnnotations;

namespace BackOffice.Web.Telemetry;

/// <summary>
/// <c>BackOffice:Telemetry</c>: where traces and metrics go. Nothing is collected unless an exporter is chosen: OTLP to a
/// collector, and/or a Prometheus scrape endpoint (an optional extra: its exporter is still a pre-release).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "BackOffice:Telemetry";
    public const string None = "none";
    public const string Otlp = "otlp";

    /// <summary><c>none</c> (the default) or <c>otlp</c>.</summary>
    [RegularExpression("^(none|otlp)$", ErrorMessage = "BackOffice:Telemetry:Exporter must be 'none' or 'otlp'.")]
    public string Exporter { get; set; } = None;

    /// <summary>The collector's address, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c>
    /// (HTTP). Empty: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable, else the OTLP default.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "BackOffice:Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf'.")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The service name the traces and metrics carry (one per installation).</summary>
    [Required]
    public string ServiceName { get; set; } = "backoffice";

    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>How often the open-request figures (per state, overdue) are counted for the metrics.</summary>
    [Range(5, 3600)]
    public int RequestFiguresSeconds { get; set; } = 60;

    public bool Enabled => Exporter == Otlp || Prometheus.Enabled;

    public sealed class PrometheusOptions
    {
        public bool Enabled { get; set; }

        /// <summary>The scrape path.</summary>
        public string Path { get; set; } = "/metrics";

        /// <summary>Serve the scrape endpoint only on this local port (e.g. 9464, one more address in <c>ASPNETCORE_URLS</c>
        /// that the proxy does not forward): answered there before HTTPS redirection and host filtering, everything else
        /// on that port is 404, and the path is 404 on the other ports. Empty: the path on the app's own addresses.</summary>
        [Range(1, 65535)]
        public int? Port { get; set; }
    }
}
