using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.RuleSets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOffice.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// The fee and release rules; provides the lifecycle's <see cref="IRequestEvaluator"/> and the rule-set
    /// store's <see cref="IRuleSetValidator"/>. The rule set comes from <paramref name="rulesDirectory"/>
    /// (default: <c>rules/</c> beside the app) unless an <see cref="IRuleSetSource"/> was registered before,
    /// for example one that reads published versions from the database.
    /// </summary>
    public static IServiceCollection AddRules(this IServiceCollection services, string? rulesDirectory = null)
    {
        var directory = rulesDirectory ?? Path.Combine(AppContext.BaseDirectory, "rules");
        services.TryAddSingleton<IRuleSetSource>(new DirectoryRuleSetSource(directory));
        services.TryAddSingleton<RuleSetCache>();
        services.TryAddSingleton<RulesEvaluator>();
        services.TryAddSingleton<IRuleSetValidator, RuleSetFilesValidator>();
        services.AddSingleton<IRequestEvaluator>(sp => sp.GetRequiredService<RulesEvaluator>());
        return services;
    }

    /// <summary>
    /// Rules from the versions published in the database (seeded from the shipped files); call before
    /// <see cref="AddRules"/>. Run <see cref="RuleSetAdministration.InitializeAsync"/> (then <see cref="RuleSetAdministration.CompileCurrent"/>) at start-up.
    /// </summary>
    public static IServiceCollection AddPublishedRuleSets(this IServiceCollection services)
    {
        services.AddSingleton<PublishedRuleSetSource>();
        services.AddSingleton<IRuleSetSource>(sp => sp.GetRequiredService<PublishedRuleSetSource>());
        services.AddScoped<RuleSetAdministration>();
        return services;
    }
}
