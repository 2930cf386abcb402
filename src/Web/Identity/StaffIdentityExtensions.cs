using BackOffice.Web.Http;
using BackOffice.Web.Identity.Sessions;
using BackOffice.Workflows;
using BackOffice.Workflows.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOffice.Web.Identity;

public static class StaffIdentityExtensions
{
    /// <summary>How many failed sign-ins in a row lock an account, and for how long.</summary>
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Staff accounts and sign-in: ASP.NET Core Identity over <see cref="StaffIdentityDbContext"/> in the app's own
    /// database, cookie sign-in at /Account/SignIn, the <see cref="StaffPolicies"/> and the page conventions: every
    /// page under /Staff needs a signed-in staff member, /Staff/Users a supervisor. Run
    /// <see cref="StaffIdentityInitializer"/> at start-up after the request store's initializer.
    /// </summary>
    public static WebApplicationBuilder AddStaffIdentity(this WebApplicationBuilder builder, WorkflowsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;

        var demo = new DemoAccountsOptions();
        builder.Configuration.GetSection(DemoAccountsOptions.Section).Bind(demo);
        services.AddSingleton(demo);
        services.AddScoped<StaffIdentityInitializer>();

        if (options.Database.Provider == DatabaseProvider.PostgreSql)
        {
            var connection = options.Database.ConnectionString
                ?? throw new InvalidOperationException("PostgreSQL needs a connection string (BackOffice:Database:ConnectionString).");
            services.AddDbContext<PostgresStaffIdentityDbContext>(db => db.UseStaffNpgsql(connection), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<StaffIdentityDbContext>(sp => sp.GetRequiredService<PostgresStaffIdentityDbContext>());
        }
        else
        {
            var connection = options.Database.SqliteConnectionString();
            services.TryAddSingleton<SqliteDurabilityInterceptor>();
            services.AddDbContext<SqliteStaffIdentityDbContext>((sp, db) => db
                .UseStaffSqlite(connection)
                .AddInterceptors(sp.GetRequiredService<SqliteDurabilityInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<StaffIdentityDbContext>(sp => sp.GetRequiredService<SqliteStaffIdentityDbContext>());
        }

        services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireDigit = true;
                identity.Password.RequireNonAlphanumeric = true;
                identity.Password.RequiredUniqueChars = 6;
                identity.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                identity.Lockout.AllowedForNewUsers = true;
                identity.SignIn.RequireConfirmedAccount = false;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<StaffIdentityDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        // Cookies and protected values must survive a restart and read on every node: the key ring lives in the shared
        // database (keys kept in <data>/keys by earlier versions are imported once, DataProtectionKeyImport).
        services.AddDataProtection()
            .SetApplicationName("BackOffice")
            .PersistKeysToDbContext<StaffIdentityDbContext>();

        services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection(SignInThrottleOptions.Section));
        services.AddScoped<SignInThrottle>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<StaffSessions>();
        services.AddSingleton<DatabaseTicketStore>();
        // The staff cookie names a session kept in the shared database; the cookie alone signs nobody in.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, HttpOptions>((cookie, store, http) =>
            {
                cookie.SessionStore = store;
                // Secure wherever HTTPS is required (default outside Development); behind a TLS-ending proxy the
                // forwarded scheme makes the request HTTPS, so the cookie is Secure there too.
                cookie.Cookie.SecurePolicy = http.RequireHttps == true ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });
        services.AddOptions<AntiforgeryOptions>().Configure<HttpOptions>((antiforgery, http) =>
            antiforgery.Cookie.SecurePolicy = http.RequireHttps == true ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/SignIn";
            cookie.LogoutPath = "/Account/SignOut";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "BackOffice.Staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Records of patients are on these screens: an idle session ends after 30 minutes.
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = true;
        });
        // Besides ending sessions at once (StaffSessions), a changed security stamp is noticed within a minute.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Clerk, policy => policy.RequireRole(StaffRoles.Clerk, StaffRoles.Supervisor))
            .AddPolicy(StaffPolicies.RulesAdmin, policy => policy.RequireRole(StaffRoles.RulesAdmin, StaffRoles.Supervisor))
            .AddPolicy(StaffPolicies.Supervisor, policy => policy.RequireRole(StaffRoles.Supervisor));

        services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Staff");
            pages.Conventions.AuthorizeFolder("/Staff/Users", StaffPolicies.Supervisor);
            pages.Conventions.AuthorizeFolder("/Staff/Rules", StaffPolicies.RulesAdmin);
            pages.Conventions.AuthorizeFolder("/Staff/Requests", StaffPolicies.Clerk);
            pages.Conventions.AuthorizeFolder("/Staff/Intake", StaffPolicies.Clerk);
            pages.Conventions.AuthorizeFolder("/Staff/Audit", StaffPolicies.Supervisor);
            pages.Conventions.AuthorizeFolder("/Staff/Organisations", StaffPolicies.Supervisor);
        });
        return builder;
    }
}
