using BackOffice.Workflows;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace BackOffice.Web.Encryption;

public static class EncryptionServiceCollectionExtensions
{
    /// <summary>
    /// Encryption at rest (<c>BackOffice:Encryption</c>): the key ring, the document envelope, the start-up check, the
    /// keys of the encrypted database columns, and the Data Protection key ring encrypted with the same key. Development and tests fall back to a generated key in
    /// the user's profile; every other environment must configure one.
    /// </summary>
    public static IServiceCollection AddAtRestEncryption(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, WorkflowsOptions workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var options = new EncryptionOptions();
        configuration.GetSection(EncryptionOptions.Section).Bind(options);
        var allowDevelopmentKey = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        services.AddSingleton(_ => KeyRing.Load(options, workflows.Database.DataDirectory, workflows.StoredFilesDirectory, allowDevelopmentKey));
        services.AddSingleton<AtRestEncryption>();
        // The sensitive database columns, with keys derived from the same key-encryption keys.
        services.AddSingleton(sp => sp.GetRequiredService<KeyRing>().ForDatabaseFields());
        services.AddSingleton<StoredFiles>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<AtRestEncryption>((keyManagement, encryption) => keyManagement.XmlEncryptor = new KeyRingXmlEncryptor(encryption));
        return services;
    }
}
