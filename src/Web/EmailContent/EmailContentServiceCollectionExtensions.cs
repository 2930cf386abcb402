using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailContent;

public static class EmailContentServiceCollectionExtensions
{
    /// <summary>The message templates and the composers that turn a lifecycle event into a message to send.</summary>
    public static IServiceCollection AddEmailContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton(sp => new MessageTemplates(TemplatesDirectory(sp.GetRequiredService<IOptions<NotificationOptions>>().Value)));
        services.AddScoped<MessageBasics>();
        services.AddScoped<IRequesterMessageComposer, RequesterMessageComposer>();
        services.AddScoped<IStaffMessageComposer, StaffMessageComposer>();
        return services;
    }

    private static string TemplatesDirectory(NotificationOptions options) =>
        options.TemplatesDirectory is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "templates", "messages");
}
