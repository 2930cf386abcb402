using System.Globalization;
using BackOffice.Workflows;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Commands;

/// <summary>
/// Scripted set-up of requester organisations: <c>requester-org create --name "Smith &amp; Jones LLP" --type Attorney</c>
/// prints the new organisation's id; <c>api-key create --org &lt;id&gt; --name "case system"</c> prints a new key once.
/// Both work against the configured database with the app running or not: the database is brought up to date first,
/// taking the start-up lock as a starting node does.
/// </summary>
public static class RequesterOrganisationCommands
{
    public const string CommandLine = "command line";

    public static async Task<int> CreateOrganisationAsync(IServiceProvider services, IConfiguration options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (!Enum.TryParse<RequesterType>(options["type"], ignoreCase: true, out var type) || !RequesterOrganisation.Types.Contains(type)
            || int.TryParse(options["type"], out _))
        {
            output.WriteLine($"Give the organization's type with --type: one of {string.Join(", ", RequesterOrganisation.Types)}.");
            return 2;
        }

        var delivery = new List<DeliveryMethod>();
        foreach (var word in (options["delivery"] ?? "Mail,SecureEmail,Portal").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<DeliveryMethod>(word, ignoreCase: true, out var method) || int.TryParse(word, out _))
            {
                output.WriteLine($"Unknown delivery method {word}: use Mail, SecureEmail, Portal or Pickup, separated by commas.");
                return 2;
            }

            delivery.Add(method);
        }

        await using var scope = await PreparedScopeAsync(services);
        try
        {
            var organisation = await scope.ServiceProvider.GetRequiredService<RequesterOrganisations>().RegisterAsync(new RequesterOrganisationDetails
            {
                Name = options["name"], Type = type, ContactName = options["contact-name"], ContactEmail = options["contact-email"],
                ContactPhone = options["contact-phone"], AllowedDeliveryMethods = delivery,
            }, CommandLine);
            output.WriteLine(organisation.Id.ToString());
            return 0;
        }
        catch (DomainException refused)
        {
            output.WriteLine($"{refused.Field}: {refused.Message}");
            return 1;
        }
    }

    public static async Task<int> CreateKeyAsync(IServiceProvider services, IConfiguration options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (!Guid.TryParse(options["org"], out var organisationId))
        {
            output.WriteLine("Give the organization's id with --org (requester-org create prints it).");
            return 2;
        }

        DateTimeOffset? expiresAt = null;
        if (options["expires"] is { Length: > 0 } expires)
        {
            if (!DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                output.WriteLine("Give the expiry with --expires as a date, e.g. 2027-12-31 (the key works through that day).");
                return 2;
            }

            expiresAt = services.GetRequiredService<DepartmentClock>().StartOf(day.AddDays(1));
        }

        await using var scope = await PreparedScopeAsync(services);
        try
        {
            var (_, secret) = await scope.ServiceProvider.GetRequiredService<RequesterOrganisations>()
                .IssueKeyAsync(organisationId, options["name"], expiresAt, CommandLine);
            output.WriteLine(secret);
            return 0;
        }
        catch (DomainException refused)
        {
            output.WriteLine($"{refused.Field}: {refused.Message}");
            return 1;
        }
    }

    // The request database brought up to date, as a starting node does (nodes and commands take turns at it).
    private static async Task<AsyncServiceScope> PreparedScopeAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequesterOrganisationCommands));
        await using (await StartupLock.AcquireAsync(services.GetRequiredService<WorkflowsOptions>().Database, logger))
        {
            await using var init = services.CreateAsyncScope();
            await init.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        return services.CreateAsyncScope();
    }
}
