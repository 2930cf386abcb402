using BackOffice.Workflows;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailTransport;

public static class EmailTransportServiceCollectionExtensions
{
    /// <summary>SMTP when <c>BackOffice:Smtp:Host</c> is set, else .eml files in <c>&lt;data directory&gt;/mail/</c>.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmtpOptions.Section);
        services.Configure<SmtpOptions>(section);
        if (!string.IsNullOrWhiteSpace(section["Host"]))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender>(sp => new PickupDirectoryEmailSender(
                Path.Combine(sp.GetRequiredService<WorkflowsOptions>().Database.DataDirectory, "mail"),
                sp.GetRequiredService<IOptions<SmtpOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PickupDirectoryEmailSender>>()));
        }

        return services;
    }
}
