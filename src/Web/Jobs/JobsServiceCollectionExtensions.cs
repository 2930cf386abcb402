using BackOffice.Web.Identity;
using BackOffice.Workflows;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    public const string DashboardPath = "/hangfire";
    public const string SqliteFileName = "hangfire.db";
    public const string PostgresSchema = "hangfire";

    /// <summary>
    /// Hangfire on the app's own database engine (a SQLite file <c>hangfire.db</c> in the data directory, or the
    /// <c>hangfire</c> schema of the PostgreSQL database), the outbox pump that sends committed rows (<see cref="OutboxPump"/>),
    /// the jobs, and a Hangfire server in this process unless <c>BackOffice:Jobs:RunServer</c> is false. Hangfire's
    /// process-wide statics (<c>JobStorage.Current</c>, the activator, the log provider) are not used.
    /// </summary>
    public static IServiceCollection AddBackOfficeJobs(this IServiceCollection services, IConfiguration configuration, WorkflowsOptions workflows)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(workflows);
        var options = ReadOptions(configuration);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(_ => CreateStorage(workflows, options));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        // The dashboard checks for this marker and reads its routes from the container.
        services.TryAddSingleton<IGlobalConfiguration>(GlobalConfiguration.Configuration);
        services.TryAddSingleton(_ => Hangfire.Dashboard.DashboardRoutes.Routes);

        // Committed outbox rows go to the in-process pump (ChannelOutboxSignal, registered by AddWorkflows), not to
        // Hangfire's store: on a web node without jobs the bounded channel just drops them and a worker's pump reads them
        // from the database.
        services.AddHostedService<OutboxPump>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxIncidents>();
        services.AddScoped<OutboxSweepJob>();
        services.AddScoped<TimerSweepJob>();
        services.AddScoped<IncidentEscalationJob>();
        services.AddScoped<StaffDigestJob>();
        services.AddScoped<MailingBatchJob>();
        services.AddScoped<AbandonedUploadsJob>();
        services.AddHostedService<JobsHost>();
        return services;
    }

    /// <summary>True when this process is a worker only: jobs and <c>/health</c>, no pages.</summary>
    public static bool IsWorkerOnly(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerOnly;

    /// <summary>The Hangfire dashboard at <c>/hangfire</c>, for supervisors signed in to the app.</summary>
    public static IEndpointConventionBuilder MapBackOfficeDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var dashboard = new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new SupervisorDashboardFilter()],
            AppPath = "/Staff",
            DashboardTitle = "BackOffice jobs",
            DisplayStorageConnectionString = false,
        };
        return endpoints.MapHangfireDashboard(DashboardPath, dashboard, endpoints.ServiceProvider.GetRequiredService<JobStorage>())
            .RequireAuthorization(StaffPolicies.Supervisor);
    }

    /// <summary>
    /// Hangfire's <c>/hangfire/stats</c> reads a posted form whatever the method, so a GET (a supervisor opening the
    /// address) threw and answered 500. Only a form POST reaches it: other methods get 405, other bodies 415.
    /// Runs after authorization, so strangers are still sent to sign in first.
    /// </summary>
    public static void UseDashboardRequestGuard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath + "/stats", StringComparison.OrdinalIgnoreCase),
            stats => stats.Use((context, next) =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    context.Response.Headers.Allow = HttpMethods.Post;
                    context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    return Task.CompletedTask;
                }

                if (!context.Request.HasFormContentType)
                {
                    context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                    return Task.CompletedTask;
                }

                return next(context);
            }));
    }

    /// <summary>The jobs settings, with the `--worker true` switch applied.</summary>
    public static JobsOptions ReadOptions(IConfiguration configuration)
    {
        var options = new JobsOptions();
        configuration.GetSection(JobsOptions.Section).Bind(options);
        // `--worker true` on the command line: the same binary as a worker process.
        if (configuration.GetValue<bool>("worker")) options.WorkerOnly = true;
        return options;
    }

    private static JobStorage CreateStorage(WorkflowsOptions workflows, JobsOptions options)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, options.PollIntervalSeconds));
        if (workflows.Database.Provider == DatabaseProvider.PostgreSql)
        {
            var postgres = new PostgreSqlStorageOptions { SchemaName = PostgresSchema, PrepareSchemaIfNecessary = true, QueuePollInterval = poll };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(workflows.Database.ConnectionString!, postgres, null), postgres);
        }

        Directory.CreateDirectory(workflows.Database.DataDirectory);
        return new SQLiteStorage(Path.Combine(workflows.Database.DataDirectory, SqliteFileName), new SQLiteStorageOptions { QueuePollInterval = poll });
    }
}
