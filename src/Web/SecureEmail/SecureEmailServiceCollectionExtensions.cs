namespace BackOffice.Web.SecureEmail;

public static class SecureEmailServiceCollectionExtensions
{
    /// <summary>Records by e-mail: the requester's protected passphrase and the outbox handler that sends the records.</summary>
    public static IServiceCollection AddSecureEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecureEmailOptions>(configuration.GetSection(SecureEmailOptions.Section));
        services.AddSingleton<EmailPassphrases>();
        services.AddScoped<RecordsEmailHandler>();
        return services;
    }
}
