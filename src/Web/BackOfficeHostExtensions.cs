using BackOffice.Rules;
using BackOffice.Web.Api;
using BackOffice.Web.Auditing;
using BackOffice.Web.EmailContent;
using BackOffice.Web.Encryption;
using BackOffice.Web.Health;
using BackOffice.Web.Http;
using BackOffice.Web.Identity;
using BackOffice.Web.Input;
using BackOffice.Web.Jobs;
using BackOffice.Web.Localization;
using BackOffice.Web.Pages.Request;
using BackOffice.Web.RequesterApi;
using BackOffice.Web.Webhooks;
using BackOffice.Web.PatientAccess;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Retention;
using BackOffice.Web.SecureEmail;
using BackOffice.Web.Telemetry;
using BackOffice.Workflows;
using BackOffice.Workflows.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web;

/// <summary>Everything the host registers and the order of its middleware, so Program.cs stays short.</summary>
public static class BackOfficeHostExtensions
{
    public static WebApplicationBuilder AddBackOffice(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = WorkflowsOptionsFrom(builder.Configuration, builder.Environment);
        builder.Services.AddWorkflows(options);
        builder.Services.AddAtRestEncryption(builder.Configuration, builder.Environment, options);
        builder.Services.AddPublishedRuleSets();
        builder.Services.AddRules(RulesDirectory(builder.Configuration, builder.Environment));
        builder.Services.AddHostedService<RuleSetRefreshService>();
        builder.AddBackOfficeHttp();
        builder.Services.AddRazorPages();
        builder.Services.Configure<Site.SiteOptions>(builder.Configuration.GetSection(Site.SiteOptions.Section));
        builder.AddBackOfficeLanguages();
        builder.Services.AddPatientRequests(builder.Configuration);
        builder.AddStaffIdentity(options);
        builder.Services.AddSingleton<Pages.Staff.StaffScreenAccess>();
        builder.Services.AddScoped<Demo.DemoRequests>();
        builder.Services.AddProblemDetails();
        builder.Services.AddInputChecks();
        builder.Services.AddHttpAuditTrail();
        builder.Services.AddBackOfficeRateLimits(builder.Configuration);
        builder.Services.AddRequesterApi();
        builder.Services.AddWebhooks(builder.Configuration);
        builder.Services.AddPatientAccess(builder.Configuration);
        builder.Services.AddEmailContent(builder.Configuration);
        builder.Services.AddSecureEmail(builder.Configuration);
        builder.Services.AddRequestDocuments();
        builder.Services.AddBackOfficeJobs(builder.Configuration, options);
        builder.Services.AddRetention();
        builder.Services.AddBackOfficeHealth();
        builder.AddBackOfficeTelemetry();
        return builder;
    }

    public static async Task UseBackOfficeAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var laps = new StartupLaps();
        // Building the database models takes seconds of CPU in a new process: before the lock, so nodes starting
        // together do it side by side, and the two models at once, one per core.
        await Task.WhenAll(BuildModelAsync<StaffIdentityDbContext>(app.Services, WarmQueryCompiler), BuildModelAsync<BackOfficeDbContext>(app.Services));
        laps.Lap("models");

        // The middleware and endpoints need no database: described on the other core while this one does the database work.
        var webNode = !app.Services.IsWorkerOnly();
        var pipeline = Task.Run(() => UsePipeline(app, webNode));

        // Nodes sharing a PostgreSQL database take turns at the start-up work below (see StartupLock).
        await using (await StartupLock.AcquireAsync(app.Services.GetRequiredService<WorkflowsOptions>().Database, app.Logger))
        {
            // Before anything reads or writes a stored file: the wrong key stops start-up here, with the key it needs.
            await StoredFiles.VerifyAtStartupAsync(app.Services);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
                laps.Lap("database");
                await scope.ServiceProvider.GetRequiredService<StaffIdentityInitializer>().InitializeAsync();
                laps.Lap("staff accounts");
                await scope.ServiceProvider.GetRequiredService<RuleSetAdministration>()
                    .InitializeAsync(RulesDirectory(app.Configuration, app.Environment));
                laps.Lap("rules");
                if (scope.ServiceProvider.GetRequiredService<DemoAccountsOptions>() is { SeedAccounts: true, SeedRequests: true })
                    await scope.ServiceProvider.GetRequiredService<Demo.DemoRequests>().SeedAsync();
            }

            // Hangfire's storage creates (or upgrades) its schema when it is made: here, while this node holds the lock.
            app.Services.GetRequiredService<Hangfire.JobStorage>();
            laps.Lap("jobs");
            // The first node makes the shared key ring's first key; nodes after it read that one instead of each making
            // their own at the same moment.
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("BackOffice.Startup").Protect([]);
            laps.Lap("keys");
        }

        await pipeline;
        laps.Lap("pipeline");
        // The jobs dashboard reads the job storage made above.
        if (webNode) app.MapBackOfficeDashboard().WithSecurityHeadersPolicy(SecurityHeaderPolicies.JobsDashboard);

        // Compile the rules in force now, in the background (CPU only, most of a second): pages answer meanwhile, and a
        // request that needs the rules first waits for this one compilation rather than starting its own.
        CompileRulesInBackground(app);
        app.Logger.LogInformation("Start-up work done in {Laps}", laps);
    }

    /// <summary>The middleware and the endpoints, all but the jobs dashboard (it needs the job storage).</summary>
    private static void UsePipeline(WebApplication app, bool webNode)
    {
        app.UseBackOfficeMetricsPort();
        if (!webNode)
        {
            app.MapBackOfficeHealth();
            app.MapBackOfficeMetrics();
            return; // a worker process runs the jobs and answers /health, nothing else
        }

        app.UseBackOfficeHttp();
        app.UseBackOfficeLanguages();
        if (!app.Environment.IsDevelopment()) app.UseErrorPage();

        app.UseErrorAnswers();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestBodyChecks();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseDashboardRequestGuard();
        app.MapRazorPages();
        app.MapFeeEstimate();
        app.MapRequesterApi();
        app.MapRequesterApiDocument();
        app.MapLanguageSwitch();
        app.MapBackOfficeHealth();
        app.MapBackOfficeMetrics();
    }

    private static void CompileRulesInBackground(WebApplication app) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RuleSetAdministration>().CompileCurrent();
        }
        catch (Exception exception) when (exception is RuleSetException or InvalidOperationException)
        {
            // The request that needs the rules compiles them again and reports the error there.
            app.Logger.LogError(exception, "The rules in force could not be compiled at start-up");
        }
    });

    private static Task BuildModelAsync<TContext>(IServiceProvider services, Action<TContext>? then = null) where TContext : DbContext =>
        Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                var context = scope.ServiceProvider.GetRequiredService<TContext>();
                _ = context.Model;
                then?.Invoke(context);
            }
            catch (EncryptionKeyException)
            {
                // A missing or unreadable key: the key check after this stops start-up and says which key it needs.
            }
        });

    /// <summary>
    /// The staff model is made well before the requests' one; meanwhile its core translates a first query (to SQL only,
    /// nothing is read), so the query compiler's first, slow run (a tenth of a second) is not on the start-up's path.
    /// </summary>
    private static void WarmQueryCompiler(StaffIdentityDbContext context) =>
        _ = context.Users.AsNoTracking().Where(u => u.UserName == "start-up").Select(u => u.Id).ToQueryString();

    internal static WorkflowsOptions WorkflowsOptionsFrom(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var section = configuration.GetSection("BackOffice");
        var options = new WorkflowsOptions();
        section.Bind(options);
        var dataDirectory = section["DataDirectory"] ?? "App_Data";
        options.Database.DataDirectory = Path.GetFullPath(dataDirectory, environment.ContentRootPath);
        var filesDirectory = section["FilesDirectory"];
        options.FilesDirectory = string.IsNullOrWhiteSpace(filesDirectory) ? null : Path.GetFullPath(filesDirectory, environment.ContentRootPath);
        var definitions = section["DefinitionsDirectory"];
        options.DefinitionsDirectory = definitions is not null
            ? Path.GetFullPath(definitions, environment.ContentRootPath)
            : LocateDefinitions(environment.ContentRootPath);
        return options;
    }

    /// <summary>The shipped rule files that seed rule-set version 1 (copied beside the app by the build).</summary>
    internal static string RulesDirectory(IConfiguration configuration, IWebHostEnvironment environment) =>
        configuration["BackOffice:RulesDirectory"] is { } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "rules");

    // From a checkout the definitions are at the repository root; a published app carries a copy beside itself.
    private static string LocateDefinitions(string contentRoot)
    {
        foreach (var candidate in new[] { Path.Combine(contentRoot, "workflows"), Path.Combine(AppContext.BaseDirectory, "workflows"),
                     Path.Combine(contentRoot, "..", "..", "workflows") })
        {
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }

        return Path.Combine(AppContext.BaseDirectory, "workflows");
    }
}
